# Side-by-side with lme4 for clients nested in therapists: generate the benchmark CSV, or time lme4.
#   Rscript lme4_three_level.R generate FILE THERAPISTS CLIENTS SESSIONS   writes FILE (set.seed(42))
#   Rscript lme4_three_level.R fit FILE      prints lme4_seconds (wall), lme4_cpu_seconds, criterion, estimates
# Model: score ~ log(session + 1) + (1 | therapist) + (log(session + 1) | therapist:client), REML
# (lme4 defaults: optimizer "nloptwrap"), the same model `candor fit --basis log --cluster therapist`
# fits.
args <- commandArgs(trailingOnly = TRUE)
if (args[1] == "generate") {
  set.seed(42)
  k <- as.integer(args[3]); m <- as.integer(args[4]); s <- as.integer(args[5])
  n <- k * m * s
  therapist <- rep(sprintf("t%04d", seq_len(k)), each = m * s)
  client <- rep(sprintf("t%04dc%04d", rep(seq_len(k), each = m), rep(seq_len(m), times = k)), each = s)
  session <- rep(0:(s - 1L), times = k * m)
  v <- rep(rnorm(k, 0, 1.5), each = m * s)
  b0 <- rep(rnorm(k * m, 0, 3), each = s)
  b1 <- rep(rnorm(k * m, 0, 1), each = s)
  score <- 16 + v + b0 + (-2.5 + b1) * log(session + 1) + rnorm(n, 0, 2)
  d <- data.frame(therapist = therapist, client = client, session = session, score = round(score, 4))
  write.csv(d, args[2], row.names = FALSE, quote = FALSE)
  cat("rows=", nrow(d), "\n", sep = "")
} else {
  suppressPackageStartupMessages(library(lme4))
  d <- read.csv(args[2])
  d$lt <- log(d$session + 1)
  st <- system.time(fit <- lmer(score ~ lt + (1 | therapist) + (lt | therapist:client), d, REML = TRUE))
  cat("lme4_seconds=", st[["elapsed"]], "\n", sep = "")
  cat("lme4_cpu_seconds=", st[["user.self"]] + st[["sys.self"]], "\n", sep = "")
  cat("lme4_REMLcrit=", sprintf("%.15g", REMLcrit(fit)), "\n", sep = "")
  cat("lme4_fixef=", paste(sprintf("%.8g", fixef(fit)), collapse = ","), "\n", sep = "")
  vc <- as.data.frame(VarCorr(fit))
  cat("lme4_therapist_sd=", sprintf("%.8g", vc$sdcor[vc$grp == "therapist"]), "\n", sep = "")
}
