# Reference values for clients nested in therapists (io.candor.model.growth with a cluster level)
# and for therapist comparisons (io.candor.model.therapist), computed with R, lme4 and base R.
# Run from this folder:  Rscript make_reference.R
# Environment used: R 4.2.2, lme4 1.1-31 (Debian). Outputs (all committed):
#   three_level.csv            simulated: therapist, client, session, score, severe (unbalanced,
#                              therapists with one client, a client with one observation)
#   three_level_flat.csv       the same design without any therapist effect (a boundary fit)
#   tl_<case>.properties       one lmer() call: its call in the header, then full-precision results
#   tl_<case>_clients.csv      every client's BLUPs and conditional (co)variances (ranef, condVar)
#   tl_<case>_therapists.csv   every therapist's BLUP and conditional variance
#   prepost.csv                simulated PHQ-9 intake/end scores: therapist, client, pre, post, age
#   te_<case>.properties       lmer(post ~ pre (+ age) + (1 | therapist)) with the ICC and its
#                              profile-likelihood interval (from lme4's deviance function)
#   te_<case>_therapists.csv   every therapist's BLUP and conditional variance
#   funnel_<case>.csv          case-mix-adjusted funnel by base R (glm, pbinom/qbinom, quantile):
#                              expected counts, adjusted rates and every limit, per therapist
#   funnel_<case>.properties   the glm call, overall rate, phi, tau2 and the case-mix coefficients
suppressPackageStartupMessages(library(lme4))
options(digits = 17)
f17 <- function(x) sprintf("%.17g", x)
ctrl <- lmerControl(optimizer = "bobyqa", optCtrl = list(rhobeg = 0.2, rhoend = 1e-12, maxfun = 1e5))

# ------------------------------------------------------------------ three-level growth data
set.seed(20250110)
K <- 40
caseload <- c(1, 1, 1, 1, sample(2:12, K - 4, replace = TRUE))
rows <- list()
for (t in 1:K) {
  v <- rnorm(1, 0, 1.5)
  for (i in 1:caseload[t]) {
    last <- sample(0:10, 1)
    sess <- 0:last
    keep <- c(TRUE, runif(length(sess) - 1) > 0.15)
    sess <- sess[keep]
    severe <- rbinom(1, 1, 0.4)
    b0 <- rnorm(1, 0, 3); b1 <- rnorm(1, 0, 1)
    y <- 16 + 2 * severe + v + b0 + (-2.5 + b1) * log(sess + 1) + rnorm(length(sess), 0, 2)
    rows[[length(rows) + 1]] <- data.frame(therapist = sprintf("t%02d", t),
      client = sprintf("t%02dc%02d", t, i), session = sess, score = round(y, 6), severe = severe)
  }
}
d <- do.call(rbind, rows)
# the rows of a few clients are shuffled, so that a client's rows need not be contiguous
d <- d[c(seq_len(nrow(d) - 40), sample(nrow(d) - 39:0)), ]
write.csv(d, "three_level.csv", row.names = FALSE, quote = FALSE)
flat <- d
set.seed(99)
cf <- as.integer(factor(flat$client))
nc <- max(cf)
flat$score <- round(16 + 2 * flat$severe + rnorm(nc, 0, 3)[cf] +
  (-2.5 + rnorm(nc, 0, 1)[cf]) * log(flat$session + 1) + rnorm(nrow(flat), 0, 2), 6)
write.csv(flat, "three_level_flat.csv", row.names = FALSE, quote = FALSE)

write_fit <- function(name, fit, call) {
  fe <- fixef(fit)
  se <- sqrt(diag(as.matrix(vcov(fit))))
  vc <- as.data.frame(VarCorr(fit))
  lines <- c(paste0("# ", call), paste0("# R ", getRversion(), ", lme4 ", packageVersion("lme4")))
  lines <- c(lines, paste0("method=", if (isREML(fit)) "REML" else "ML"))
  lines <- c(lines, paste0("fixef.", seq_along(fe) - 1, "=", f17(unname(fe))))
  lines <- c(lines, paste0("se.", seq_along(se) - 1, "=", f17(unname(se))))
  cl <- vc[vc$grp == "therapist:client", ]
  lines <- c(lines, paste0("client.sd.0=", f17(cl$sdcor[cl$var1 == "(Intercept)" & is.na(cl$var2)])))
  if (nrow(cl) > 1) {
    lines <- c(lines, paste0("client.sd.1=", f17(cl$sdcor[cl$var1 != "(Intercept)" & is.na(cl$var2)])))
    lines <- c(lines, paste0("client.cor=", f17(cl$sdcor[!is.na(cl$var2)])))
  }
  lines <- c(lines, paste0("therapist.sd=", f17(vc$sdcor[vc$grp == "therapist"])))
  lines <- c(lines, paste0("sigma=", f17(sigma(fit))))
  lines <- c(lines, paste0("logLik=", f17(as.numeric(logLik(fit)))))
  if (isREML(fit)) lines <- c(lines, paste0("REMLcrit=", f17(REMLcrit(fit))))
  lines <- c(lines, paste0("deviance=", f17(if (isREML(fit)) REMLcrit(fit) else deviance(fit))))
  lines <- c(lines, paste0("AIC=", f17(AIC(fit))), paste0("BIC=", f17(BIC(fit))))
  th <- getME(fit, "theta")
  lines <- c(lines, paste0("theta.", seq_along(th) - 1, "=", f17(unname(th))))
  lines <- c(lines, paste0("singular=", isSingular(fit)))
  writeLines(lines, paste0(name, ".properties"))
  re <- ranef(fit, condVar = TRUE)
  rc <- re[["therapist:client"]]
  pv <- attr(rc, "postVar")
  ids <- sub(".*:", "", rownames(rc))
  if (ncol(rc) == 1) {
    out <- data.frame(client = ids, b0 = f17(rc[, 1]), v00 = f17(pv[1, 1, ]))
  } else {
    out <- data.frame(client = ids, b0 = f17(rc[, 1]), b1 = f17(rc[, 2]), v00 = f17(pv[1, 1, ]),
                      v11 = f17(pv[2, 2, ]), v01 = f17(pv[1, 2, ]))
  }
  write.csv(out, paste0(name, "_clients.csv"), row.names = FALSE, quote = FALSE)
  rt <- re[["therapist"]]
  write.csv(data.frame(therapist = rownames(rt), b = f17(rt[, 1]), v = f17(attr(rt, "postVar")[1, 1, ])),
            paste0(name, "_therapists.csv"), row.names = FALSE, quote = FALSE)
}

d <- read.csv("three_level.csv"); d$lt <- log(d$session + 1)
write_fit("tl_log_slope_reml", lmer(score ~ lt + (1 | therapist) + (lt | therapist:client), d, REML = TRUE, control = ctrl),
  "lmer(score ~ log(session + 1) + (1 | therapist) + (log(session + 1) | therapist:client), three_level, REML = TRUE)")
write_fit("tl_log_slope_ml", lmer(score ~ lt + (1 | therapist) + (lt | therapist:client), d, REML = FALSE, control = ctrl),
  "lmer(score ~ log(session + 1) + (1 | therapist) + (log(session + 1) | therapist:client), three_level, REML = FALSE)")
write_fit("tl_log_intercept_reml", lmer(score ~ lt + (1 | therapist) + (1 | therapist:client), d, REML = TRUE, control = ctrl),
  "lmer(score ~ log(session + 1) + (1 | therapist) + (1 | therapist:client), three_level, REML = TRUE)")
write_fit("tl_log_intercept_ml", lmer(score ~ lt + (1 | therapist) + (1 | therapist:client), d, REML = FALSE, control = ctrl),
  "lmer(score ~ log(session + 1) + (1 | therapist) + (1 | therapist:client), three_level, REML = FALSE)")
write_fit("tl_linear_severe_reml", lmer(score ~ session + severe + (1 | therapist) + (session | therapist:client), d, REML = TRUE, control = ctrl),
  "lmer(score ~ session + severe + (1 | therapist) + (session | therapist:client), three_level, REML = TRUE)")
fl <- read.csv("three_level_flat.csv"); fl$lt <- log(fl$session + 1)
write_fit("tl_flat_reml", lmer(score ~ lt + (1 | therapist) + (lt | therapist:client), fl, REML = TRUE, control = ctrl),
  "lmer(score ~ log(session + 1) + (1 | therapist) + (log(session + 1) | therapist:client), three_level_flat, REML = TRUE)")
