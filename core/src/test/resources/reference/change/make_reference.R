# Reference values for io.candor.change (reliable change, clinical-significance cutoffs,
# categories, Wilson intervals).
#
# Produced with:   cd core/src/test/resources/reference/change && Rscript make_reference.R
# R version:       R 4.2.2 (base R only)
#
# The R package 'clinicalsignificance' (Claus, Wager & Bonnet 2024, J Stat Softw 111(1)) is not
# installable here (not packaged for Debian, no network access to CRAN), so this script implements
# the published formulas in plain R, following that package's source (R/ helpers
# .calc_rci_jt/_gln/_hll/_en/_nk/_ha, .calc_cutoff_jt/_ha, .calc_recovered/_ha) with TWO deliberate
# differences, both documented in Candor's Javadoc:
#   1. cutoff b uses the FUNCTIONAL SD (Jacobson & Truax 1991); the package uses the clinical SD.
#      The package's value is written too (column b_package) so a test can show the difference.
#   2. Hageman-Arrindell "harmed" = not clinical before, CS_indiv past the critical value towards
#      dysfunction, and reliable deterioration. The package (2.0 and later, cs_combined) applies
#      its general rule !clinical_pre & !functional_post & deteriorated to HA too; its HA
#      functional_post is only ever TRUE for clients clinical before, so every reliable
#      deterioration of a client not clinical before is "harmed" there (1.x reported no HA harm).
#      reference_significance.csv has that rule in column category_package.
# Critical values: reference_individual.csv uses each method's published value (1.96; EN 2;
# HA 1.65), which package 1.x used as literals. reference_significance.csv uses
# qnorm(1 - alpha/2), or qnorm(1 - alpha) for HA, as the package's significance_level argument
# does from version 2.0 on.
# Sample statistics use mean(), sd() (n - 1) and cor(), as the package does.
#
# Inputs : phq9_pairs.csv, wemwbs_pairs.csv (id, pre, post), written once from a fixed seed.
# Outputs: reference_stats.csv, reference_cutoffs.csv, reference_individual.csv, reference_wilson.csv
#          (all numbers with sprintf("%.17g")).

f17 <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

instruments <- list(
  # PHQ-9: reliability .84, functional norms 2.91 / 3.52 (Kocalevent 2013), lower is better
  phq9   = list(file = "phq9_pairs.csv",   r = 0.84, mf = 2.91, sf = 3.52, dir = -1),
  # WEMWBS: reliability .83, functional norms 50.7 / 8.79 (Tennant 2007), higher is better
  wemwbs = list(file = "wemwbs_pairs.csv", r = 0.83, mf = 50.7, sf = 8.79, dir = 1)
)

methods <- c("JT", "GLN", "HLL", "EN", "NK", "HA")

# The reliable-change index of each method (NK with equal pre and post reliability).
index_of <- function(m, pre, post, m1, s1, m2, r, se, rdd) {
  switch(m,
    JT  = (post - pre) / sqrt(2 * se^2),
    GLN = ((post - m1) - r * (pre - m1)) / (s1 * sqrt(1 - r^2)),
    HLL = ((post - m2) - r * (pre - m1)) / (s1 * sqrt(1 - r^2)),
    EN  = (post - (r * (pre - m1) + m1)) / se,
    NK  = (post - (r * (pre - m1) + m1)) / sqrt(r^2 * s1^2 * (1 - r) + s1^2 * (1 - r)),
    HA  = ((post - pre) * rdd + (m2 - m1) * (1 - rdd)) / (sqrt(rdd) * sqrt(2 * se^2)))
}
crit <- c(JT = 1.96, GLN = 1.96, HLL = 1.96, EN = 2, NK = 1.96, HA = 1.65)

stats_rows <- c()
cut_rows <- c()
ind_rows <- c()

for (name in names(instruments)) {
  ins <- instruments[[name]]
  d <- read.csv(ins$file)
  pre <- d$pre; post <- d$post
  m1 <- mean(pre); s1 <- sd(pre); m2 <- mean(post); s2 <- sd(post); r12 <- cor(pre, post)
  r <- ins$r; mf <- ins$mf; sf <- ins$sf; dir <- ins$dir
  stats_rows <- c(stats_rows, paste(name, f17(m1), f17(s1), f17(m2), f17(s2), f17(r12), nrow(d), sep = ","))

  se <- s1 * sqrt(1 - r)
  # Jacobson-Truax cutoffs (b with the functional SD)
  jt_cut <- c(a = m1 + dir * 2 * s1, b = mf - dir * 2 * sf, c = (s1 * mf + sf * m1) / (s1 + sf))
  b_package <- mf - dir * 2 * s1
  # Hageman-Arrindell true-score cutoffs
  rc <- (s1^2 - se^2) / s1^2
  rf <- (sf^2 - se^2) / sf^2
  ha_cut <- c(a = m1 + dir * 2 * s1 * sqrt(rc),
              b = mf - dir * 2 * sf * sqrt(rf),
              c = (s1 * sqrt(rc) * mf + sf * sqrt(rf) * m1) / (s1 * sqrt(rc) + sf * sqrt(rf)))
  for (t in c("a", "b", "c")) {
    cut_rows <- c(cut_rows, paste(name, t, f17(jt_cut[[t]]), f17(ha_cut[[t]]), f17(b_package), sep = ","))
  }

  rxx1 <- (s1^2 - se^2) / s1^2
  rxx2 <- (s2^2 - se^2) / s2^2
  rdd <- (s1^2 * rxx1 + s2^2 * rxx2 - 2 * s1 * s2 * r12) / (s1^2 + s2^2 - 2 * s1 * s2 * r12)

  for (m in methods) {
    rci <- index_of(m, pre, post, m1, s1, m2, r, se, rdd)
    improved <- dir * rci > crit[[m]]
    deteriorated <- dir * rci < -crit[[m]]
    for (t in c("a", "b", "c")) {
      if (m == "HA") {
        cut <- ha_cut[[t]]
        rpost <- (s2^2 - se^2) / s2^2
        cs <- (m2 + (post - m2) * rpost - cut) / (sqrt(rpost) * se)
        clinical_pre <- dir * pre < dir * cut
        functional_post <- clinical_pre & dir * cs > crit[["HA"]]
        clinical_post <- !clinical_pre & dir * cs < -crit[["HA"]]
        recovered <- functional_post & improved
        harmed <- clinical_post & deteriorated
      } else {
        cut <- jt_cut[[t]]
        cs <- rep(NA, length(pre))
        clinical_pre <- dir * pre < dir * cut
        functional_post <- dir * post > dir * cut
        recovered <- clinical_pre & functional_post & improved
        harmed <- !clinical_pre & !functional_post & deteriorated
      }
      category <- ifelse(recovered, "RECOVERED",
                  ifelse(improved, "IMPROVED",
                  ifelse(harmed, "HARMED",
                  ifelse(deteriorated, "DETERIORATED", "UNCHANGED"))))
      ind_rows <- c(ind_rows, paste(name, m, t, d$id, pre, post, f17(rci), f17(cut), f17(cs),
                                    clinical_pre, functional_post, category, sep = ","))
    }
  }
}

writeLines(c("instrument,pre_mean,pre_sd,post_mean,post_sd,correlation,n", stats_rows),
           "reference_stats.csv")
writeLines(c("instrument,type,jt,ha,b_package", cut_rows), "reference_cutoffs.csv")
writeLines(c("instrument,method,cutoff,id,pre,post,index,cutoff_value,cs_indiv,clinical_pre,functional_post,category",
             ind_rows), "reference_individual.csv")

# Critical values from a significance level (cutoff c only).
sig_rows <- c()
for (name in names(instruments)) {
  ins <- instruments[[name]]
  d <- read.csv(ins$file)
  pre <- d$pre; post <- d$post
  m1 <- mean(pre); s1 <- sd(pre); m2 <- mean(post); s2 <- sd(post); r12 <- cor(pre, post)
  r <- ins$r; mf <- ins$mf; sf <- ins$sf; dir <- ins$dir
  se <- s1 * sqrt(1 - r)
  rxx1 <- (s1^2 - se^2) / s1^2
  rxx2 <- (s2^2 - se^2) / s2^2
  rdd <- (s1^2 * rxx1 + s2^2 * rxx2 - 2 * s1 * s2 * r12) / (s1^2 + s2^2 - 2 * s1 * s2 * r12)
  for (alpha in c(0.05, 0.10)) {
    for (m in methods) {
      z <- if (m == "HA") qnorm(1 - alpha) else qnorm(1 - alpha / 2)
      rci <- index_of(m, pre, post, m1, s1, m2, r, se, rdd)
      improved <- dir * rci > z
      deteriorated <- dir * rci < -z
      if (m == "HA") {
        rc <- (s1^2 - se^2) / s1^2
        rf <- (sf^2 - se^2) / sf^2
        cut <- (s1 * sqrt(rc) * mf + sf * sqrt(rf) * m1) / (s1 * sqrt(rc) + sf * sqrt(rf))
        cs <- (m2 + (post - m2) * rxx2 - cut) / (sqrt(rxx2) * se)
        clinical_pre <- dir * pre < dir * cut
        functional_post <- clinical_pre & dir * cs > z
        clinical_post <- !clinical_pre & dir * cs < -z
        recovered <- functional_post & improved
        harmed <- clinical_post & deteriorated
        harmed_package <- !clinical_pre & !functional_post & deteriorated
      } else {
        cut <- (s1 * mf + sf * m1) / (s1 + sf)
        clinical_pre <- dir * pre < dir * cut
        functional_post <- dir * post > dir * cut
        recovered <- clinical_pre & functional_post & improved
        harmed <- !clinical_pre & !functional_post & deteriorated
        harmed_package <- harmed
      }
      cat_of <- function(h) ifelse(recovered, "RECOVERED", ifelse(improved, "IMPROVED",
                            ifelse(h, "HARMED", ifelse(deteriorated, "DETERIORATED", "UNCHANGED"))))
      sig_rows <- c(sig_rows, paste(name, m, alpha, d$id, f17(z), f17(rci), cat_of(harmed),
                                    cat_of(harmed_package), sep = ","))
    }
  }
}
writeLines(c("instrument,method,alpha,id,critical_value,index,category,category_package", sig_rows),
           "reference_significance.csv")

# Wilson score 95 % intervals: prop.test without continuity correction is the Wilson interval.
wil <- rbind(c(0, 10), c(3, 10), c(10, 10), c(52, 100), c(1, 1), c(7, 23), c(412, 1000))
wrows <- apply(wil, 1, function(v) {
  ci <- suppressWarnings(prop.test(v[1], v[2], correct = FALSE))$conf.int
  paste(v[1], v[2], f17(ci[1]), f17(ci[2]), sep = ",")
})
writeLines(c("count,n,lower,upper", wrows), "reference_wilson.csv")
