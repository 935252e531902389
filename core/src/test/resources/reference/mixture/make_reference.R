# Reference values for io.candor.model.mixture, computed with R, flexmix and plain R.
# Run from this folder:  Rscript make_reference.R
# Environment used: R 4.2.2, flexmix 2.3-18 (Debian r-cran-flexmix). Outputs (all committed):
#   lcga.csv              simulated panel (3 classes, dropout, 12 intake-only clients); columns client,session,score
#   lcga_flexmix.csv      stepFlexmix(score ~ log(session + 1) | client, k = 1:5, nrep = 20, model = FLXMRglm()),
#                         the best of 20 random starts per K, one row per class
#   lcga_flexmix_reps.csv the log-likelihood of each of those 20 starts per K
#   lcga_flexmix_tight.csv the same call with control = list(tolerance = 1e-13, iter.max = 100000)
#   lcga_exact.csv        an independent exact EM written below in plain R, started from flexmix's solution:
#                         the maximum-likelihood fixed point (flexmix's own M-step scales the residual variance)
#   lcga_lm.csv           lm(score ~ log(session + 1)): the one-class LCGA is ordinary least squares
#   gmm.csv               simulated balanced panel (2 classes, random intercepts); columns client,session,score
#   gmm_flexmix.csv       flexmix's growth mixture model (FLXMRlmm, EM with the random effects as missing data),
#                         random intercept per class, per-class and common variances, one row per class
suppressPackageStartupMessages(library(flexmix))
f17 <- function(x) sprintf("%.17g", x)
header <- function(file, lines) writeLines(paste0("# ", c(lines, paste0("R ", getRversion(), ", flexmix ",
  packageVersion("flexmix")))), file)
append_csv <- function(x, file) suppressWarnings(write.table(x, file, sep = ",", row.names = FALSE,
  quote = FALSE, append = TRUE))

# ---------------------------------------------------------------- LCGA data
set.seed(20240901)
n <- 300
shares <- c(0.45, 0.35, 0.20)
beta <- rbind(c(17, -4.5), c(16, -1.5), c(15, 0.5))   # intercept, log(session + 1)
sigma <- c(2.0, 2.5, 2.2)
rows <- vector("list", n)
for (i in 1:n) {
  k <- sample(1:3, 1, prob = shares)
  last <- if (i <= 12) 0 else sample(3:9, 1)          # the first 12 clients give their intake only
  s <- 0:last
  y <- beta[k, 1] + beta[k, 2] * log(s + 1) + rnorm(length(s), 0, sigma[k])
  rows[[i]] <- data.frame(client = sprintf("c%03d", i), session = s, score = round(y, 4))
}
write.csv(do.call(rbind, rows), "lcga.csv", row.names = FALSE, quote = FALSE)
d <- read.csv("lcga.csv")
first <- !duplicated(d$client)

# classes in Candor's order: ascending time coefficient, then intercept
ordered <- function(coef) order(coef[2, ], coef[1, ])

class_rows <- function(k, kFound, ll, df, coef, sigma, prior, extra) {
  o <- ordered(coef)
  data.frame(k = k, kFound = kFound, logLik = f17(ll), df = df, extra,
             class = seq_along(o), prior = f17(prior[o]), intercept = f17(coef[1, o]),
             time = f17(coef[2, o]), sigma = f17(sigma[o]))
}

# ---------------------------------------------------------------- flexmix, as users run it
call <- "stepFlexmix(score ~ log(session + 1) | client, data = d, k = 1:5, nrep = 20, model = FLXMRglm())"
set.seed(1)
step <- stepFlexmix(score ~ log(session + 1) | client, data = d, k = 1:5, nrep = 20, model = FLXMRglm(),
                    verbose = FALSE)
out <- NULL
for (K in 1:5) {
  f <- getModel(step, as.character(K))
  p <- parameters(f)
  coef <- p[1:2, , drop = FALSE]
  sig <- p[3, ]
  post <- posterior(f)[first, , drop = FALSE]
  extra <- data.frame(bicRows = f17(BIC(f)), icl = f17(ICL(f)), entropy = f17(EIC(f)),
                      iterations = f@iter, converged = f@converged)
  out <- rbind(out, class_rows(K, f@k, logLik(f), attr(logLik(f), "df"), coef, sig, colMeans(post), extra))
}
header("lcga_flexmix.csv", c(paste0("set.seed(1); ", call), "flexmix's own BIC (n = rows), ICL and EIC;",
  "prior = mean posterior over clients; kFound < k when flexmix dropped a class below minprior 0.05"))
append_csv(out, "lcga_flexmix.csv")
reps <- data.frame(k = rep(1:5, each = 20), rep = rep(1:20, 5), logLik = f17(as.vector(t(step@logLiks))))
header("lcga_flexmix_reps.csv", c(paste0("set.seed(1); ", call), "the log-likelihood of each random start"))
append_csv(reps, "lcga_flexmix_reps.csv")

# ---------------------------------------------------------------- flexmix converged tightly
# The same call with flexmix's EM run to a relative change of 1e-13 instead of its default 1e-6, so that
# its solutions are its fixed points and differ from Candor's only by flexmix's variance scaling.
tcall <- paste0("stepFlexmix(score ~ log(session + 1) | client, data = d, k = 1:5, nrep = 20, model = FLXMRglm(),",
                " control = list(tolerance = 1e-13, iter.max = 100000))")
set.seed(1)
tight <- stepFlexmix(score ~ log(session + 1) | client, data = d, k = 1:5, nrep = 20, model = FLXMRglm(),
                     control = list(tolerance = 1e-13, iter.max = 100000), verbose = FALSE)
out <- NULL
for (K in 1:5) {
  f <- getModel(tight, as.character(K))
  p <- parameters(f)
  post <- posterior(f)[first, , drop = FALSE]
  extra <- data.frame(bicRows = f17(BIC(f)), icl = f17(ICL(f)), entropy = f17(EIC(f)),
                      iterations = f@iter, converged = f@converged)
  out <- rbind(out, class_rows(K, f@k, logLik(f), attr(logLik(f), "df"), p[1:2, , drop = FALSE], p[3, ],
                               colMeans(post), extra))
}
header("lcga_flexmix_tight.csv", c(paste0("set.seed(1); ", tcall), "as lcga_flexmix.csv"))
append_csv(out, "lcga_flexmix_tight.csv")

# ---------------------------------------------------------------- exact EM in plain R
# flexmix's FLXMRglm M-step sets sigma^2 = sum(w r^2) / mean(w) / (n - rank), n = all rows: the weighted
# maximum-likelihood variance sum(w r^2) / sum(w) times n / (n - rank). Its fixed point is therefore not the
# MLE. This EM uses the exact M-step (weighted least squares, sigma^2 = sum(w r^2) / sum(w), prior = mean
# posterior) and runs to a relative log-likelihood change below 1e-15.
X <- cbind(1, log(d$session + 1))
y <- d$score
id <- match(d$client, unique(d$client))
exact_em <- function(post, tol = 1e-15, maxit = 200000) {
  K <- ncol(post)
  ll_old <- -Inf
  for (it in 1:maxit) {
    coef <- matrix(0, 2, K); s2 <- numeric(K)
    for (j in 1:K) {
      w <- post[id, j]
      coef[, j] <- solve(crossprod(X * w, X), crossprod(X * w, y))
      s2[j] <- sum(w * (y - X %*% coef[, j])^2) / sum(w)
    }
    prior <- colMeans(post)
    lc <- sapply(1:K, function(j) rowsum(dnorm(y, X %*% coef[, j], sqrt(s2[j]), log = TRUE), id)[, 1] +
                   log(prior[j]))
    lc <- matrix(lc, ncol = K)
    m <- apply(lc, 1, max)
    lse <- m + log(rowSums(exp(lc - m)))
    ll <- sum(lse)
    post <- exp(lc - lse)
    if (abs(ll - ll_old) <= tol * abs(ll)) break
    ll_old <- ll
  }
  list(ll = ll, coef = coef, sigma = sqrt(s2), prior = colMeans(post), iter = it)
}
ex <- NULL
for (K in 1:5) {
  f <- getModel(step, as.character(K))
  e <- exact_em(posterior(f)[first, , drop = FALSE])
  ex <- rbind(ex, class_rows(K, ncol(e$coef), e$ll, NA, e$coef, e$sigma, e$prior,
                             data.frame(flexmixLogLik = f17(logLik(f)), iterations = e$iter)))
}
header("lcga_exact.csv", c("exact EM (plain R, see make_reference.R) started from each K's flexmix solution,",
  "run to a relative change below 1e-15; prior = mean posterior"))
append_csv(ex, "lcga_exact.csv")

fit1 <- lm(score ~ log(session + 1), data = d)
lmout <- data.frame(intercept = f17(coef(fit1)[1]), time = f17(coef(fit1)[2]), sigmaLm = f17(sigma(fit1)),
                    sigmaMl = f17(sqrt(sum(residuals(fit1)^2) / nrow(d))), logLik = f17(as.numeric(logLik(fit1))))
header("lcga_lm.csv", "lm(score ~ log(session + 1), data = d); sigmaLm uses n - 2, sigmaMl n")
append_csv(lmout, "lcga_lm.csv")

# ---------------------------------------------------------------- GMM data and flexmix's FLXMRlmm
set.seed(20240902)
m <- 150
rows <- vector("list", m)
for (i in 1:m) {
  k <- sample(1:2, 1, prob = c(0.6, 0.4))
  s <- 0:5
  mu <- if (k == 1) 18 - 4 * log(s + 1) else 15 - 0.3 * log(s + 1)
  y <- mu + rnorm(1, 0, if (k == 1) 2 else 1.5) + rnorm(length(s), 0, if (k == 1) 1.8 else 2.2)
  rows[[i]] <- data.frame(client = sprintf("g%03d", i), session = s, score = round(y, 4))
}
write.csv(do.call(rbind, rows), "gmm.csv", row.names = FALSE, quote = FALSE)
g <- read.csv("gmm.csv")
gfirst <- !duplicated(g$client)
ctrl <- list(tolerance = 1e-13, iter.max = 100000)
gout <- NULL
for (common in c(FALSE, TRUE)) {
  set.seed(2)
  call <- paste0("stepFlexmix(score ~ log(session + 1) | client, data = g, k = 2, nrep = 10, control = ",
                 "list(tolerance = 1e-13, iter.max = 100000), model = FLXMRlmm(random = ~ 1, varFix = c(Random = ",
                 common, ", Residual = ", common, ")))")
  f <- stepFlexmix(score ~ log(session + 1) | client, data = g, k = 2, nrep = 10, control = ctrl,
                   model = FLXMRlmm(random = ~ 1, varFix = c(Random = common, Residual = common)), verbose = FALSE)
  coef <- sapply(f@components, function(c) c[[1]]@parameters$coef)
  sig <- sapply(f@components, function(c) sqrt(c[[1]]@parameters$sigma2$Residual))
  isd <- sapply(f@components, function(c) sqrt(c[[1]]@parameters$sigma2$Random[1, 1]))
  post <- posterior(f)[gfirst, , drop = FALSE]
  o <- ordered(coef)
  gout <- rbind(gout, data.frame(common = common, logLik = f17(logLik(f)), iterations = f@iter,
                                 converged = f@converged, class = 1:2, prior = f17(colMeans(post)[o]),
                                 intercept = f17(coef[1, o]), time = f17(coef[2, o]), sigma = f17(sig[o]),
                                 interceptSd = f17(isd[o]), call = gsub(",", ";", call)))
}
header("gmm_flexmix.csv", c("flexmix FLXMRlmm (EM with random effects as missing data; exact M-steps on this",
  "balanced panel), set.seed(2) before each call; the call is in the last column (commas as ;)"))
append_csv(gout, "gmm_flexmix.csv")
