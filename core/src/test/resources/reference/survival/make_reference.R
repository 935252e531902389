# Reference values for io.candor.model.survival (Kaplan-Meier, log-rank).
# Run from this directory:  Rscript make_reference.R
# R 4.2.2, survival 3.5-3. Writes km_data.csv, km_curves.csv, km_medians.csv, logrank.csv,
# logrank_groups.csv, km_quantiles.csv next to this script. Numbers are written with sprintf("%.17g");
# R's NA is written as NA and infinity as Inf.
suppressPackageStartupMessages(library(survival))

f17 <- function(x) ifelse(is.na(x) & !is.nan(x), "NA",
                   ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"), sprintf("%.17g", x)))

datasets <- list()
# 1. ties, censoring at event times (events counted before censorings at the same time)
datasets$ties <- data.frame(
  time   = c(1, 1, 2, 2, 2, 3, 3, 4, 5, 5, 6, 7, 7, 8, 9, 10, 10, 12),
  status = c(1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 0),
  group  = "all")
# 2. heavy censoring: the median is not reached
datasets$heavy <- data.frame(
  time   = c(2, 3, 3, 4, 5, 6, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 16, 18, 20),
  status = c(1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0),
  group  = "all")
# 3. S(t) exactly 0.5 over an interval, then dropping: median averages (2 + 3) / 2
datasets$half <- data.frame(time = c(1, 2, 3, 4), status = c(1, 1, 1, 1), group = "all")
# 4. S(t) exactly 0.5 at the last event, censored afterwards (print.survfit keeps t = 2)
datasets$halflast <- data.frame(time = c(1, 2, 3, 4), status = c(1, 1, 0, 0), group = "all")
# 5. AML (survival::aml), two strata
datasets$aml <- data.frame(time = aml$time, status = aml$status, group = as.character(aml$x))
# 6. lung (survival::lung), three strata by ph.ecog 0/1/2, days, many ties
lg <- lung[!is.na(lung$ph.ecog) & lung$ph.ecog <= 2, ]
datasets$lung <- data.frame(time = lg$time, status = lg$status - 1,
                            group = paste0("ecog", lg$ph.ecog))
# 7. simulated fractional times, three strata, seed fixed
set.seed(20261126)
n <- 240
g <- rep(c("A", "B", "C"), each = n / 3)
rate <- c(A = 0.10, B = 0.15, C = 0.22)[g]
tt <- rexp(n, rate); cc <- runif(n, 0, 20)
datasets$sim <- data.frame(time = round(pmin(tt, cc), 3), status = as.integer(tt <= cc), group = g)
# 8. integer session times with many ties, two strata (time to reliable improvement)
set.seed(4)
m <- 150
g8 <- rep(c("early", "late"), each = m / 2)
ev <- pmin(1 + rgeom(m, ifelse(g8 == "early", 0.18, 0.10)), 30)
drop <- sample(2:30, m, replace = TRUE)
datasets$sessions <- data.frame(time = pmin(ev, drop), status = as.integer(ev <= drop), group = g8)

data_rows <- do.call(rbind, lapply(names(datasets), function(nm) {
  d <- datasets[[nm]]
  data.frame(dataset = nm, time = f17(d$time), status = d$status, group = d$group)
}))
con <- file("km_data.csv", "w")
writeLines("# Data sets for the Kaplan-Meier and log-rank references (see make_reference.R).", con)
write.csv(data_rows, con, row.names = FALSE, quote = FALSE)
close(con)

curves <- list(); medians <- list(); quants <- list()
for (nm in names(datasets)) {
  d <- datasets[[nm]]
  for (ct in c("log", "log-log", "plain")) {
    for (cl in c(0.95, 0.90)) {
      # the exact call:
      fit <- survfit(Surv(time, status) ~ group, data = d, conf.type = ct, conf.int = cl)
      if (is.null(fit$strata)) strata <- rep(d$group[1], length(fit$time)) else
        strata <- sub("^group=", "", rep(names(fit$strata), fit$strata))
      curves[[length(curves) + 1]] <- data.frame(dataset = nm, conftype = ct, conflevel = cl,
        stratum = strata, time = f17(fit$time), nrisk = fit$n.risk, nevent = fit$n.event,
        ncensor = fit$n.censor, surv = f17(fit$surv), stderr = f17(fit$std.err),
        lower = f17(fit$lower), upper = f17(fit$upper))
      tab <- summary(fit)$table
      if (is.null(dim(tab))) tab <- matrix(tab, nrow = 1, dimnames = list(d$group[1], names(tab)))
      else rownames(tab) <- sub("^group=", "", rownames(tab))
      q <- quantile(fit, probs = 0.5)
      medians[[length(medians) + 1]] <- data.frame(dataset = nm, conftype = ct, conflevel = cl,
        stratum = rownames(tab), n = tab[, "records"], events = tab[, "events"],
        median = f17(tab[, "median"]), lcl = f17(tab[, 8]), ucl = f17(tab[, 9]),
        qmedian = f17(as.vector(q$quantile)), qlower = f17(as.vector(q$lower)),
        qupper = f17(as.vector(q$upper)))
      qq <- quantile(fit, probs = c(0.25, 0.5, 0.75))
      qm <- function(z) if (is.matrix(z)) z else matrix(z, nrow = 1)
      for (j in seq_len(nrow(tab))) for (k in 1:3) {
        quants[[length(quants) + 1]] <- data.frame(dataset = nm, conftype = ct, conflevel = cl,
          stratum = rownames(tab)[j], p = c(0.25, 0.5, 0.75)[k],
          quantile = f17(qm(qq$quantile)[j, k]), lower = f17(qm(qq$lower)[j, k]),
          upper = f17(qm(qq$upper)[j, k]))
      }
    }
  }
}
con <- file("km_curves.csv", "w")
writeLines(c("# fit <- survfit(Surv(time, status) ~ group, data = d, conf.type = conftype, conf.int = conflevel)",
             "# columns: fit$time, fit$n.risk, fit$n.event, fit$n.censor, fit$surv, fit$std.err, fit$lower, fit$upper",
             "# fit$std.err is the standard error of the cumulative hazard (-log S): sqrt(cumsum(d / (n (n - d))))"), con)
write.csv(do.call(rbind, curves), con, row.names = FALSE, quote = FALSE)
close(con)
con <- file("km_medians.csv", "w")
writeLines(c("# median, lcl, ucl: summary(fit)$table[, c(\"median\", \"0.95LCL\", \"0.95UCL\")] (print.survfit rule)",
             "# qmedian, qlower, qupper: quantile(fit, probs = 0.5) (quantile.survfit rule)"), con)
write.csv(do.call(rbind, medians), con, row.names = FALSE, quote = FALSE)
close(con)

con <- file("km_quantiles.csv", "w")
writeLines("# qq <- quantile(fit, probs = c(0.25, 0.5, 0.75)): qq$quantile, qq$lower, qq$upper (p is the probability of the event by then, 1 - S)", con)
write.csv(do.call(rbind, quants), con, row.names = FALSE, quote = FALSE)
close(con)

lr <- list(); lrg <- list()
for (nm in c("aml", "lung", "sim", "sessions")) {
  d <- datasets[[nm]]
  # the exact call:
  sd <- survdiff(Surv(time, status) ~ group, data = d)
  k <- length(sd$n)
  lr[[length(lr) + 1]] <- data.frame(dataset = nm, chisq = f17(sd$chisq), df = k - 1,
    p = f17(pchisq(sd$chisq, k - 1, lower.tail = FALSE)))
  vv <- sd$var
  lrg[[length(lrg) + 1]] <- data.frame(dataset = nm, group = sub("^group=", "", names(sd$n)),
    n = as.vector(sd$n), observed = f17(sd$obs), expected = f17(sd$exp),
    var = apply(vv, 1, function(r) paste(f17(r), collapse = ";")))
}
con <- file("logrank.csv", "w")
writeLines("# sd <- survdiff(Surv(time, status) ~ group, data = d); p = pchisq(sd$chisq, k - 1, lower.tail = FALSE)", con)
write.csv(do.call(rbind, lr), con, row.names = FALSE, quote = FALSE)
close(con)
con <- file("logrank_groups.csv", "w")
writeLines("# per group: sd$n, sd$obs, sd$exp and the row of sd$var (semicolon separated)", con)
write.csv(do.call(rbind, lrg), con, row.names = FALSE, quote = FALSE)
close(con)
