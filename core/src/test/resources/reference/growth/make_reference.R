# Reference values for io.candor.model.growth, computed with R and lme4.
# Run from this folder:  Rscript make_reference.R
# Environment used: R 4.2.2, lme4 1.1-31 (Debian). Outputs (all committed):
#   sleepstudy.csv                 lme4's sleepstudy data (Belenky et al. 2003), columns Subject,Days,Reaction
#   dropout.csv                    simulated unbalanced panel with dropout and a client covariate
#   nls.csv                        simulated data for the asymptotic curve
#   <case>.properties              full-precision results of one lmer()/nls() call, its call in the header
suppressPackageStartupMessages(library(lme4))
options(digits = 17)
f17 <- function(x) sprintf("%.17g", x)

write_fit <- function(name, fit, call) {
  fe <- fixef(fit)
  se <- sqrt(diag(as.matrix(vcov(fit))))
  vc <- as.data.frame(VarCorr(fit))
  sds <- vc$sdcor[is.na(vc$var2) & vc$grp != "Residual"]
  cor <- vc$sdcor[!is.na(vc$var2)]
  lines <- c(paste0("# ", call), paste0("# R ", getRversion(), ", lme4 ", packageVersion("lme4")))
  lines <- c(lines, paste0("method=", if (isREML(fit)) "REML" else "ML"))
  lines <- c(lines, paste0("fixef.", seq_along(fe) - 1, "=", f17(unname(fe))))
  lines <- c(lines, paste0("se.", seq_along(se) - 1, "=", f17(unname(se))))
  lines <- c(lines, paste0("sd.", seq_along(sds) - 1, "=", f17(sds)))
  if (length(cor) > 0) lines <- c(lines, paste0("cor=", f17(cor)))
  lines <- c(lines, paste0("sigma=", f17(sigma(fit))))
  lines <- c(lines, paste0("logLik=", f17(as.numeric(logLik(fit)))))
  if (isREML(fit)) lines <- c(lines, paste0("REMLcrit=", f17(REMLcrit(fit))))
  lines <- c(lines, paste0("deviance=", f17(if (isREML(fit)) REMLcrit(fit) else deviance(fit))))
  lines <- c(lines, paste0("AIC=", f17(AIC(fit))), paste0("BIC=", f17(BIC(fit))))
  lines <- c(lines, paste0("theta.", seq_along(getME(fit, "theta")) - 1, "=", f17(unname(getME(fit, "theta")))))
  re <- ranef(fit, condVar = TRUE)[[1]]
  pv <- attr(re, "postVar")
  # BLUPs of the first three groups (in the order of the factor levels) and their conditional variances
  for (g in 1:3) {
    lines <- c(lines, paste0("blup.", g - 1, ".id=", rownames(re)[g]))
    lines <- c(lines, paste0("blup.", g - 1, ".", seq_len(ncol(re)) - 1, "=", f17(unlist(re[g, ]))))
    lines <- c(lines, paste0("blup.", g - 1, ".var.", seq_len(ncol(re)) - 1, "=", f17(diag(as.matrix(pv[, , g])))))
  }
  writeLines(lines, paste0(name, ".properties"))
}

ctrl <- lmerControl(optimizer = "bobyqa", optCtrl = list(rhobeg = 0.2, rhoend = 1e-12, maxfun = 1e5))

# ---- sleepstudy (Belenky et al. 2003), as shipped in lme4
data(sleepstudy, package = "lme4")
write.csv(sleepstudy[, c("Subject", "Days", "Reaction")], "sleepstudy.csv", row.names = FALSE, quote = FALSE)
ss <- read.csv("sleepstudy.csv"); ss$Subject <- factor(ss$Subject)
write_fit("sleepstudy_reml", lmer(Reaction ~ Days + (Days | Subject), ss, REML = TRUE, control = ctrl),
          "lmer(Reaction ~ Days + (Days | Subject), sleepstudy, REML = TRUE)")
write_fit("sleepstudy_ml", lmer(Reaction ~ Days + (Days | Subject), ss, REML = FALSE, control = ctrl),
          "lmer(Reaction ~ Days + (Days | Subject), sleepstudy, REML = FALSE)")
write_fit("sleepstudy_intercept", lmer(Reaction ~ Days + (1 | Subject), ss, REML = TRUE, control = ctrl),
          "lmer(Reaction ~ Days + (1 | Subject), sleepstudy, REML = TRUE)")

# ---- simulated unbalanced panel with dropout and a client-level covariate
set.seed(20240501)
n <- 120
rows <- list()
for (i in 1:n) {
  last <- sample(1:12, 1)                      # dropout: sessions 0..last
  sess <- 0:last
  keep <- c(TRUE, runif(length(sess) - 1) > 0.15)  # missed sessions
  sess <- sess[keep]
  age <- round(rnorm(1, 40, 12))
  severe <- rbinom(1, 1, 0.4)
  b0 <- rnorm(1, 0, 3.5); b1 <- rnorm(1, 0, 1.2)
  y <- 16 + 2 * severe + b0 + (-2.5 + 0.3 * severe + 0.01 * (age - 40) + b1) * log(sess + 1) + rnorm(length(sess), 0, 2.2)
  rows[[i]] <- data.frame(client = sprintf("c%03d", i), session = sess, score = y, age = age, severe = severe)
}
d <- do.call(rbind, rows)
write.csv(d, "dropout.csv", row.names = FALSE, quote = FALSE)
d <- read.csv("dropout.csv"); d$client <- factor(d$client)
d$lt <- log(d$session + 1); d$s2 <- d$session^2; d$after <- pmax(0, d$session - 4)

write_fit("dropout_linear", lmer(score ~ session + (session | client), d, control = ctrl),
          "lmer(score ~ session + (session | client), dropout, REML = TRUE)")
write_fit("dropout_log", lmer(score ~ lt + (lt | client), d, control = ctrl),
          "lmer(score ~ log(session + 1) + (log(session + 1) | client), dropout, REML = TRUE)")
write_fit("dropout_log_ml", lmer(score ~ lt + (lt | client), d, REML = FALSE, control = ctrl),
          "lmer(score ~ log(session + 1) + (log(session + 1) | client), dropout, REML = FALSE)")
write_fit("dropout_quadratic", lmer(score ~ session + s2 + (session | client), d, control = ctrl),
          "lmer(score ~ session + I(session^2) + (session | client), dropout, REML = TRUE)")
write_fit("dropout_piecewise", lmer(score ~ session + after + (session | client), d, control = ctrl),
          "lmer(score ~ session + pmax(0, session - 4) + (session | client), dropout, REML = TRUE)")
write_fit("dropout_interaction", lmer(score ~ lt + severe + age + severe:lt + age:lt + (lt | client), d, control = ctrl),
          "lmer(score ~ log(session+1) + severe + age + severe:log(session+1) + age:log(session+1) + (log(session+1) | client), dropout, REML = TRUE)")
write_fit("dropout_intercept", lmer(score ~ lt + (1 | client), d, control = ctrl),
          "lmer(score ~ log(session + 1) + (1 | client), dropout, REML = TRUE)")

# ---- asymptotic population curve by nls, compared with the log-linear OLS curve
set.seed(7)
t <- rep(0:15, each = 25)
y <- 8 + (19 - 8) * exp(-0.35 * t) + rnorm(length(t), 0, 3)
write.csv(data.frame(session = t, score = y), "nls.csv", row.names = FALSE, quote = FALSE)
a <- read.csv("nls.csv")
fn <- nls(score ~ asym + (intake - asym) * exp(-rate * session), a,
          start = list(asym = 10, intake = 18, rate = 0.2), control = nls.control(tol = 1e-9, maxiter = 200))
fl <- lm(score ~ log(session + 1), a)
s <- summary(fn)$coefficients
writeLines(c("# nls(score ~ asym + (intake - asym) * exp(-rate * session), nls.csv, start = list(asym=10, intake=18, rate=0.2))",
             "# lm(score ~ log(session + 1), nls.csv) for the comparison",
             paste0("asymptote=", f17(s["asym", 1])), paste0("asymptote.se=", f17(s["asym", 2])),
             paste0("intake=", f17(s["intake", 1])), paste0("intake.se=", f17(s["intake", 2])),
             paste0("rate=", f17(s["rate", 1])), paste0("rate.se=", f17(s["rate", 2])),
             paste0("rss=", f17(sum(resid(fn)^2))), paste0("sigma=", f17(sigma(fn))),
             paste0("AIC=", f17(AIC(fn))), paste0("loglinear.rss=", f17(sum(resid(fl)^2))),
             paste0("loglinear.AIC=", f17(AIC(fl)))), "nls.properties")
