# Side-by-side with flexmix: generate the benchmark CSV, or time stepFlexmix on it.
#   Rscript flexmix_side_by_side.R generate FILE CLIENTS   writes FILE (set.seed(42))
#   Rscript flexmix_side_by_side.R fit FILE NREP KMAX      prints flexmix_seconds (wall),
#                                                          flexmix_cpu_seconds and the best logLik per K
# Data: CLIENTS clients x sessions 0-11; four classes on log(session + 1) (intercepts 18, 17, 16,
# 15; slopes -5.5, -3, -1.2, 0.8; shares 20/35/30/15 %), a within-class random intercept of SD 2,
# residual SD 2.5 (the data of MixtureBenchmark with interceptSd = 2, drawn by R's generator).
# Model: stepFlexmix(score ~ log(session + 1) | id, k = 1:KMAX, nrep = NREP, model = FLXMRglm()),
# flexmix's defaults otherwise (random initial partitions, tolerance 1e-6, minprior 0.05).
args <- commandArgs(trailingOnly = TRUE)
if (args[1] == "generate") {
  set.seed(42)
  m <- as.integer(args[3])
  k <- 12L
  cls <- sample(1:4, m, replace = TRUE, prob = c(0.2, 0.35, 0.3, 0.15))
  a <- c(18, 17, 16, 15)[cls]
  b <- c(-5.5, -3, -1.2, 0.8)[cls]
  id <- rep(sprintf("c%06d", seq_len(m)), each = k)
  session <- rep(0:(k - 1L), times = m)
  score <- rep(a + rnorm(m, 0, 2), each = k) + rep(b, each = k) * log(session + 1) +
    rnorm(m * k, 0, 2.5)
  d <- data.frame(id = id, session = session, score = round(score, 4))
  write.csv(d, args[2], row.names = FALSE, quote = FALSE)
  cat("rows=", nrow(d), "\n", sep = "")
} else {
  suppressPackageStartupMessages(library(flexmix))
  d <- read.csv(args[2])
  nrep <- as.integer(args[3])
  kmax <- as.integer(args[4])
  set.seed(1)
  st <- system.time(step <- stepFlexmix(score ~ log(session + 1) | id, data = d, k = 1:kmax,
                                        nrep = nrep, model = FLXMRglm(), verbose = FALSE))
  cat("flexmix_seconds=", st[["elapsed"]], "\n", sep = "")
  cat("flexmix_cpu_seconds=", st[["user.self"]] + st[["sys.self"]], "\n", sep = "")
  for (K in 1:kmax) {
    f <- getModel(step, as.character(K))
    cat(sprintf("flexmix K=%d classes=%d logLik=%.6f BIC(rows)=%.3f\n", K, f@k, logLik(f), BIC(f)))
  }
}
