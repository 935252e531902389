# Reference values for io.candor.model.dose (probit / logit regression on log(sessions)).
# Run from this directory:  Rscript make_reference.R
# R 4.2.2 (stats::glm, MASS::dose.p). Writes dose_data.csv, dose_fits.csv, dose_p.csv next to
# this script with sprintf("%.17g").
suppressPackageStartupMessages(library(MASS))
f17 <- function(x) sprintf("%.17g", x)

# 1. The Howard et al. (1986) shaped example table (see io.candor.model.dose.DoseEffectExamples):
#    50 % at 8 and 75 % at 26 sessions as published; the other doses read off the probit line
#    through those two points (an assumption, not Howard's table).
howard <- data.frame(sessions = c(1, 2, 4, 8, 13, 26, 52),
                     n        = rep(100, 7),
                     improved = c(12, 21, 35, 50, 61, 75, 85))
# 2. A small table with a 0 % and a 100 % cell
edges <- data.frame(sessions = c(1, 3, 6, 10, 20, 40),
                    n        = c(20, 25, 30, 25, 20, 15),
                    improved = c(0, 4, 11, 14, 16, 15))
# 3. Per-client data (0/1), simulated with a fixed seed
set.seed(1986)
m <- 400
s <- sample(1:40, m, replace = TRUE)
y <- rbinom(m, 1, pnorm(-1.2 + 0.55 * log(s)))
clients <- data.frame(sessions = s, n = 1, improved = y)

con <- file("dose_data.csv", "w")
writeLines("# data sets: howard and edges are aggregated tables; clients has one row per client (n = 1)", con)
write.csv(rbind(cbind(dataset = "howard", howard), cbind(dataset = "edges", edges),
                cbind(dataset = "clients", clients)), con, row.names = FALSE, quote = FALSE)
close(con)

fits <- list(); dps <- list()
for (nm in c("howard", "edges", "clients")) {
  d <- switch(nm, howard = howard, edges = edges, clients = clients)
  for (lk in c("probit", "logit")) {
    # the exact calls:
    if (nm == "clients") {
      fit <- glm(improved ~ log(sessions), family = binomial(link = lk), data = d)
    } else {
      fit <- glm(cbind(improved, n - improved) ~ log(sessions), family = binomial(link = lk), data = d)
    }
    sm <- summary(fit)$coefficients
    v <- vcov(fit)
    fits[[length(fits) + 1]] <- data.frame(dataset = nm, link = lk,
      b0 = f17(sm[1, 1]), b1 = f17(sm[2, 1]), se0 = f17(sm[1, 2]), se1 = f17(sm[2, 2]),
      z0 = f17(sm[1, 3]), z1 = f17(sm[2, 3]), p0 = f17(sm[1, 4]), p1 = f17(sm[2, 4]),
      cov01 = f17(v[1, 2]), deviance = f17(fit$deviance), nulldev = f17(fit$null.deviance),
      dfres = fit$df.residual, dfnull = fit$df.null, aic = f17(fit$aic), iter = fit$iter,
      converged = fit$converged)
    for (lev in c(0.95, 0.90)) {
      dp <- dose.p(fit, p = c(0.5, 0.75, 0.25))
      z <- qnorm(1 - (1 - lev) / 2)
      se <- as.vector(attr(dp, "SE"))
      ld <- as.vector(dp)
      dps[[length(dps) + 1]] <- data.frame(dataset = nm, link = lk, level = lev,
        p = c(0.5, 0.75, 0.25), logsessions = f17(ld), se = f17(se), sessions = f17(exp(ld)),
        lower = f17(exp(ld - z * se)), upper = f17(exp(ld + z * se)))
    }
  }
}
con <- file("dose_fits.csv", "w")
writeLines(c("# fit <- glm(cbind(improved, n - improved) ~ log(sessions), family = binomial(link = link), data = d)",
             "#   (clients: glm(improved ~ log(sessions), family = binomial(link = link), data = d))",
             "# b, se, z, p: summary(fit)$coefficients; cov01: vcov(fit)[1, 2]; fit$deviance, fit$null.deviance, fit$aic, fit$iter"), con)
write.csv(do.call(rbind, fits), con, row.names = FALSE, quote = FALSE)
close(con)
con <- file("dose_p.csv", "w")
writeLines(c("# dp <- MASS::dose.p(fit, p = c(0.5, 0.75, 0.25)): logsessions = dp, se = attr(dp, \"SE\") (delta method)",
             "# sessions = exp(dp); lower, upper = exp(dp -/+ qnorm(1 - (1 - level) / 2) * se)"), con)
write.csv(do.call(rbind, dps), con, row.names = FALSE, quote = FALSE)
close(con)
