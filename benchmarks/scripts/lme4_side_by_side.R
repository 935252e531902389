# Side-by-side with lme4: generate the benchmark CSV, or time lme4 on it.
#   Rscript lme4_side_by_side.R generate FILE CLIENTS   writes FILE (set.seed(42))
#   Rscript lme4_side_by_side.R fit FILE                prints lme4_seconds (wall), lme4_cpu_seconds and estimates
# Model: score ~ log(session + 1) + (log(session + 1) | id), REML (lme4 defaults).
args <- commandArgs(trailingOnly = TRUE)
if (args[1] == "generate") {
  set.seed(42)
  m <- as.integer(args[3])
  k <- 10L
  id <- rep(sprintf("c%06d", seq_len(m)), each = k)
  session <- rep(0:(k - 1L), times = m)
  b0 <- rep(rnorm(m, 0, 3.5), each = k)
  b1 <- rep(rnorm(m, 0, 1.2), each = k)
  score <- 17 + b0 + (-2.8 + b1) * log(session + 1) + rnorm(m * k, 0, 2.5)
  # drop ~10% of visits at random (unbalanced panel); keep every intake
  keep <- session == 0 | runif(m * k) > 0.1
  d <- data.frame(id = id, session = session, score = round(score, 4))[keep, ]
  write.csv(d, args[2], row.names = FALSE, quote = FALSE)
  cat("rows=", nrow(d), "\n", sep = "")
} else {
  suppressPackageStartupMessages(library(lme4))
  d <- read.csv(args[2])
  d$lt <- log(d$session + 1)
  st <- system.time(fit <- lmer(score ~ lt + (lt | id), d, REML = TRUE))
  cat("lme4_seconds=", st[["elapsed"]], "\n", sep = "")
  cat("lme4_cpu_seconds=", st[["user.self"]] + st[["sys.self"]], "\n", sep = "")
  cat("lme4_REMLcrit=", sprintf("%.10g", REMLcrit(fit)), "\n", sep = "")
  cat("lme4_fixef=", paste(sprintf("%.8g", fixef(fit)), collapse = ","), "\n", sep = "")
}
