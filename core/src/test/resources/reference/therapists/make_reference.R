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

# ------------------------------------------------------------------ therapist effects on end scores
set.seed(20250111)
K <- 30
caseload <- c(1, 2, sample(3:45, K - 2, replace = TRUE))
th <- rep(sprintf("T%02d", 1:K), times = caseload)
n <- length(th)
u <- rnorm(K, 0, 1.4)[as.integer(factor(th))]
pre <- pmin(27, pmax(0, round(rnorm(n, 15, 5))))
age <- round(rnorm(n, 40, 12))
post <- pmin(27, pmax(0, round(2 + 0.55 * pre + 0.03 * (age - 40) + u + rnorm(n, 0, 4.5))))
pp <- data.frame(therapist = th, client = sprintf("p%04d", seq_len(n)), pre = pre, post = post, age = age)
pp <- pp[sample(n), ]
write.csv(pp, "prepost.csv", row.names = FALSE, quote = FALSE)
pp <- read.csv("prepost.csv")

write_te <- function(name, formula, reml, call, level = 0.95) {
  fit <- lmer(formula, pp, REML = reml, control = ctrl)
  dev <- lmer(formula, pp, REML = reml, devFunOnly = TRUE)
  th <- unname(getME(fit, "theta"))
  d0 <- dev(th)
  cut <- d0 + qchisq(level, 1)
  excess <- function(t) dev(t) - cut
  lo <- if (excess(0) > 0) uniroot(excess, c(0, th), tol = 1e-14)$root else 0
  hi <- uniroot(excess, c(th, 2 * th + 0.1), tol = 1e-14, extendInt = "upX")$root
  icc <- function(t) t^2 / (1 + t^2)
  vc <- as.data.frame(VarCorr(fit))
  fe <- fixef(fit)
  se <- sqrt(diag(as.matrix(vcov(fit))))
  lines <- c(paste0("# ", call),
             "# ICC interval: {theta : devfun(theta) <= devfun(thetaHat) + qchisq(0.95, 1)} by uniroot(tol = 1e-14),",
             "# devfun <- lmer(<same call>, devFunOnly = TRUE); ICC = theta^2 / (1 + theta^2)",
             paste0("# R ", getRversion(), ", lme4 ", packageVersion("lme4")),
             paste0("method=", if (reml) "REML" else "ML"),
             paste0("fixef.", seq_along(fe) - 1, "=", f17(unname(fe))),
             paste0("se.", seq_along(se) - 1, "=", f17(unname(se))),
             paste0("therapist.sd=", f17(vc$sdcor[vc$grp == "therapist"])),
             paste0("sigma=", f17(sigma(fit))),
             paste0("logLik=", f17(as.numeric(logLik(fit)))),
             paste0("deviance=", f17(d0)),
             paste0("theta=", f17(th)),
             paste0("icc=", f17(icc(th))),
             paste0("icc.lower=", f17(icc(lo))),
             paste0("icc.upper=", f17(icc(hi))))
  writeLines(lines, paste0(name, ".properties"))
  rt <- ranef(fit, condVar = TRUE)[["therapist"]]
  write.csv(data.frame(therapist = rownames(rt), b = f17(rt[, 1]), v = f17(attr(rt, "postVar")[1, 1, ])),
            paste0(name, "_therapists.csv"), row.names = FALSE, quote = FALSE)
}
write_te("te_reml", post ~ pre + (1 | therapist), TRUE, "lmer(post ~ pre + (1 | therapist), prepost, REML = TRUE)")
write_te("te_ml", post ~ pre + (1 | therapist), FALSE, "lmer(post ~ pre + (1 | therapist), prepost, REML = FALSE)")
write_te("te_age_reml", post ~ pre + age + (1 | therapist), TRUE, "lmer(post ~ pre + age + (1 | therapist), prepost, REML = TRUE)")

# ------------------------------------------------------------------ case-mix-adjusted funnels (base R only)
# PHQ-9: caseness >= 10; Talking Therapies reliable change 6 points.
#   recovery:             eligible pre >= 10, event post < 10
#   reliable improvement: eligible all,      event pre - post >= 6
#   deterioration:        eligible all,      event post - pre >= 6
exact_limit <- function(P, n, p0) {
  # Spiegelhalter (2005) Appendix: r_P = smallest r with pbinom(r) >= P, interpolated
  r <- qbinom(P, n, p0)
  Fr <- pbinom(r, n, p0)
  Fr1 <- pbinom(r - 1, n, p0)
  alpha <- (Fr - P) / (Fr - Fr1)
  pmin(1, pmax(0, (r - alpha) / n))
}
write_funnel <- function(name, outcome, formula, call) {
  elig <- switch(outcome, recovery = pp$pre >= 10, improvement = rep(TRUE, nrow(pp)),
                 deterioration = rep(TRUE, nrow(pp)))
  d <- pp[elig, ]
  d$event <- switch(outcome, recovery = as.integer(d$post < 10),
                    improvement = as.integer(d$pre - d$post >= 6),
                    deterioration = as.integer(d$post - d$pre >= 6))
  g <- glm(formula, family = binomial(link = "logit"), data = d)
  d$p <- fitted(g)
  agg <- aggregate(cbind(n = 1, observed = d$event, expected = d$p) ~ therapist, data = d, FUN = sum)
  agg <- agg[order(agg$therapist), ]
  p0 <- sum(agg$observed) / sum(agg$n)
  agg$adjusted <- agg$observed / agg$expected * p0
  s <- sqrt(p0 * (1 - p0) / agg$n)
  z95 <- qnorm(0.975); z998 <- qnorm(0.999)
  clip <- function(x) pmin(1, pmax(0, x))
  lim <- function(sd) list(clip(p0 - z95 * sd), clip(p0 + z95 * sd), clip(p0 - z998 * sd), clip(p0 + z998 * sd))
  nl <- lim(s)
  agg$normal_lower95 <- nl[[1]]; agg$normal_upper95 <- nl[[2]]
  agg$normal_lower998 <- nl[[3]]; agg$normal_upper998 <- nl[[4]]
  agg$exact_lower95 <- exact_limit(0.025, agg$n, p0); agg$exact_upper95 <- exact_limit(0.975, agg$n, p0)
  agg$exact_lower998 <- exact_limit(0.001, agg$n, p0); agg$exact_upper998 <- exact_limit(0.999, agg$n, p0)
  z <- (agg$adjusted - p0) / s
  lz <- quantile(z, 0.1); uz <- quantile(z, 0.9)   # type 7, as FunnelPlotR
  zw <- ifelse(z < lz, lz, ifelse(z > uz, uz, z))
  I <- length(z)
  phi <- sum(zw^2) / I
  ml <- lim(s * sqrt(max(1, phi)))
  agg$mult_lower95 <- ml[[1]]; agg$mult_upper95 <- ml[[2]]
  agg$mult_lower998 <- ml[[3]]; agg$mult_upper998 <- ml[[4]]
  w <- 1 / s^2
  tau2 <- if (I * phi > I - 1) max(0, (I * phi - (I - 1)) / (sum(w) - sum(w^2) / sum(w))) else 0
  al <- lim(sqrt(s^2 + tau2))
  agg$add_lower95 <- al[[1]]; agg$add_upper95 <- al[[2]]
  agg$add_lower998 <- al[[3]]; agg$add_upper998 <- al[[4]]
  out <- agg
  for (col in names(out)[-1]) out[[col]] <- f17(out[[col]])
  write.csv(out, paste0(name, ".csv"), row.names = FALSE, quote = FALSE)
  cf <- summary(g)$coefficients
  writeLines(c(paste0("# ", call),
               "# glm.control() defaults (epsilon = 1e-8, maxit = 25); limits clipped to [0, 1];",
               "# z = (adjusted - p0) / sqrt(p0 (1 - p0) / n), Winsorised at quantile(z, c(0.1, 0.9)) (type 7);",
               "# phi = mean(zw^2); multiplicative limits use sqrt(max(1, phi)); tau2 by DerSimonian-Laird with w = 1/s^2",
               paste0("overall=", f17(p0)), paste0("phi=", f17(phi)), paste0("tau2=", f17(tau2)),
               paste0("iterations=", g$iter), paste0("deviance=", f17(deviance(g))),
               paste0("coef.", seq_len(nrow(cf)) - 1, "=", f17(cf[, 1])),
               paste0("coef.se.", seq_len(nrow(cf)) - 1, "=", f17(cf[, 2]))),
             paste0(name, ".properties"))
}
write_funnel("funnel_recovery", "recovery", event ~ pre,
  "glm(event ~ pre, binomial, subset pre >= 10; event = post < 10)")
write_funnel("funnel_improvement_age", "improvement", event ~ pre + age,
  "glm(event ~ pre + age, binomial; event = pre - post >= 6)")
write_funnel("funnel_deterioration", "deterioration", event ~ pre,
  "glm(event ~ pre, binomial; event = post - pre >= 6)")
