package io.candor.change;

import io.candor.evidence.Citation;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import io.candor.internal.Enums;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The reliable-change formulas compared by McGlinchey, Atkins &amp; Jacobson (2002) and implemented
 * in the {@code clinicalsignificance} R package (Claus, Wager &amp; Bonnet 2024, J Stat Softw
 * 111(1)), used as a strategy. Notation: {@code x1}, {@code x2} the client's pre and post scores;
 * {@code M1}, {@code SD1} the pre-treatment mean and SD; {@code M2}, {@code SD2} the post-treatment
 * mean and SD; {@code r} the reliability; {@code r12} the pre–post correlation (all from {@link
 * ChangeContext}).
 *
 * <ul>
 *   <li>{@link #JACOBSON_TRUAX}: {@code RCI = (x2 − x1) / S_diff}, {@code S_E = SD1·√(1 − r)}, {@code
 *       S_diff = √(2·S_E²)}; critical value 1.96.
 *   <li>{@link #GULLIKSEN_LORD_NOVICK}: {@code RCI = [(x2 − M1) − r·(x1 − M1)] / (SD1·√(1 − r²))};
 *       1.96.
 *   <li>{@link #HSU_LINN_LORD}: {@code RCI = [(x2 − M2) − r·(x1 − M1)] / (SD1·√(1 − r²))}; 1.96.
 *   <li>{@link #EDWARDS_NUNNALLY}: the post score is compared with the interval {@code [r·(x1 − M1) +
 *       M1] ± 2·S_E} around the estimated true pre score; as an index, {@code (x2 − [r·(x1 − M1) +
 *       M1]) / S_E} against 2 (Speer 1992's formulation, as in the R package).
 *   <li>{@link #NUNNALLY_KOTSCH} (McGlinchey's "NK"): {@code RCI = (x2 − [r1·(x1 − M1) + M1]) /
 *       √(r1²·SD1²·(1 − r1) + SD1²·(1 − r2))} with pre and post reliabilities {@code r1}, {@code r2};
 *       1.96.
 *   <li>{@link #HAGEMAN_ARRINDELL}: {@code S_E = SD1·√(1 − r)}; {@code r_xx1 = (SD1² − S_E²)/SD1²},
 *       {@code r_xx2 = (SD2² − S_E²)/SD2²}; {@code r_dd = (SD1²·r_xx1 + SD2²·r_xx2 −
 *       2·SD1·SD2·r12) / (SD1² + SD2² − 2·SD1·SD2·r12)}; {@code RCID = [(x2 − x1)·r_dd + (M2 −
 *       M1)·(1 − r_dd)] / (√r_dd·√(2·S_E²))}; critical value 1.65 (one-sided 5 %).
 * </ul>
 *
 * <p><b>Critical values.</b> Each method's default ({@link #defaultCriticalValue()}) is the value
 * its primary source uses: 1.96 (two-tailed 5 %) for JT, GLN, HLL and NK, 2 for EN (Speer's
 * "±2 standard errors" interval) and 1.65 (one-tailed 5 %) for HA. They are configurable: {@link
 * ChangeContext#withCriticalValue(ReliableChangeMethod, double)} sets one method's value and {@link
 * ChangeContext#withSignificance(double)} sets every method's from a significance level with exact
 * normal quantiles, two-tailed except for HA, which is what the {@code clinicalsignificance} R
 * package (2.0 and later) does with its {@code significance_level} argument. The package's default
 * ({@code significance_level = 0.05}) therefore differs from Candor's in three ways: it uses
 * 1.959964 rather than 1.96, 1.959964 rather than 2 for EN, and 1.644854 rather than 1.65 for HA
 * (its 1.x versions used 1.96, 2 and 1.65 as Candor does). Only an index between the two values
 * is classified differently; {@code withSignificance(0.05)} reproduces the package.
 *
 * <p>Direction: a positive index is a rise; {@link ReliableChange#improved()} is a rise for
 * higher-is-better instruments and a fall for higher-is-worse ones.
 */
public enum ReliableChangeMethod {
  /** Jacobson &amp; Truax (1991). Needs the pre-treatment SD. */
  JACOBSON_TRUAX("JT", twoTailed(Citations.JACOBSON_1991), false, Citations.JACOBSON_1991) {
    @Override
    double[] centreAndError(double pre, ChangeContext c) {
      return new double[] {pre, sDiff(c.preSd(), c.reliability())};
    }
  },
  /** Gulliksen, Lord &amp; Novick, as used by Hsu (1995). Needs the pre mean and SD. */
  GULLIKSEN_LORD_NOVICK("GLN", twoTailed(Citations.HSU_1995), false, Citations.HSU_1995) {
    @Override
    double[] centreAndError(double pre, ChangeContext c) {
      double r = c.reliability();
      double m1 = c.preMean();
      return new double[] {m1 + r * (pre - m1), c.preSd() * Math.sqrt(1 - r * r)};
    }
  },
  /** Hsu, Linn &amp; Lord (Hsu 1989). Needs the pre mean and SD and the post mean: a cohort. */
  HSU_LINN_LORD("HLL", twoTailed(Citations.HSU_1989), true, Citations.HSU_1989) {
    @Override
    double[] centreAndError(double pre, ChangeContext c) {
      double r = c.reliability();
      return new double[] {
        c.postMean() + r * (pre - c.preMean()), c.preSd() * Math.sqrt(1 - r * r)
      };
    }
  },
  /** Edwards et al. (1978) / Nunnally, in Speer's (1992) formulation. Needs the pre mean and SD. */
  EDWARDS_NUNNALLY("EN", Sourced.secondary(2, Citations.SPEER_1992, "the post score is compared"
      + " with the true pre score ± 2 standard errors of measurement, as Speer formulates Edwards"
      + " et al.; the clinicalsignificance package 1.x used 2 (2.0 and later use the two-tailed"
      + " normal quantile, 1.959964 at 5 %); not read in the primary text"), false,
      Citations.SPEER_1992) {
    @Override
    double[] centreAndError(double pre, ChangeContext c) {
      double r = c.reliability();
      double m1 = c.preMean();
      return new double[] {m1 + r * (pre - m1), c.preSd() * Math.sqrt(1 - r)};
    }
  },
  /** Nunnally &amp; Kotsch (1983), McGlinchey's "NK". Needs the pre mean and SD. */
  NUNNALLY_KOTSCH("NK", twoTailed(Citations.MCGLINCHEY_2002), false, Citations.MCGLINCHEY_2002) {
    @Override
    double[] centreAndError(double pre, ChangeContext c) {
      double r1 = c.reliability();
      double r2 = c.postReliability();
      double m1 = c.preMean();
      double sd1 = c.preSd();
      double var = r1 * r1 * sd1 * sd1 * (1 - r1) + sd1 * sd1 * (1 - r2);
      return new double[] {m1 + r1 * (pre - m1), Math.sqrt(var)};
    }
  },
  /** Hageman &amp; Arrindell (1999). Needs pre and post means and SDs and r12: a cohort. */
  HAGEMAN_ARRINDELL("HA", Sourced.secondary(1.65, Citations.HAGEMAN_1999, "one-tailed 5 %"
      + " criterion for RC_ID and CS_indiv; the clinicalsignificance package 1.x used 1.65 (2.0 and"
      + " later use the one-tailed normal quantile, 1.644854 at 5 %); not read in the primary"
      + " text"), true, Citations.HAGEMAN_1999) {
    @Override
    double[] centreAndError(double pre, ChangeContext c) {
      double rdd = differenceReliability(c);
      double se = ClinicalCutoff.standardError(c);
      // RCID = [(x2 − x1)·rdd + (M2 − M1)·(1 − rdd)] / (√rdd·√2·S_E), solved for x2
      double centre = pre - (c.postMean() - c.preMean()) * (1 - rdd) / rdd;
      return new double[] {centre, Math.sqrt(2 * se * se) / Math.sqrt(rdd)};
    }
  };

  private final String abbreviation;
  private final Sourced defaultCriticalValue;
  private final boolean needsCohort;
  private final Citation citation;

  ReliableChangeMethod(
      String abbreviation, Sourced defaultCriticalValue, boolean needsCohort, Citation citation) {
    this.abbreviation = abbreviation;
    this.defaultCriticalValue = defaultCriticalValue;
    this.needsCohort = needsCohort;
    this.citation = citation;
  }

  /** {centre (expected post without change), standard error}. */
  abstract double[] centreAndError(double pre, ChangeContext c);

  /**
   * The abbreviation used by McGlinchey et al. and the R package ("JT", "GLN", ...).
   *
   * @return the abbreviation, e.g. {@code "JT"}
   */
  public String abbreviation() {
    return abbreviation;
  }

  private static Sourced twoTailed(Citation source) {
    return Sourced.secondary(1.96, source, "two-tailed 5 % criterion, |index| > 1.96, as"
        + " published; the clinicalsignificance package 1.x used 1.96 (2.0 and later use the exact"
        + " normal quantile, 1.959964); not read in the primary text");
  }

  /**
   * The critical value of the index that the method's primary source uses (1.96; 2 for EN; 1.65
   * for HA), with its source. The value in effect is {@link
   * ChangeContext#criticalValue(ReliableChangeMethod)}, which a context can change.
   *
   * @return the default critical value
   */
  public Sourced defaultCriticalValue() {
    return defaultCriticalValue;
  }

  /**
   * Whether the method's critical value is one-tailed (Hageman–Arrindell), as {@link
   * ChangeContext#withSignificance(double)} needs to know.
   *
   * @return true for Hageman–Arrindell
   */
  public boolean oneTailed() {
    return this == HAGEMAN_ARRINDELL;
  }

  /**
   * The half-width of the no-change interval in points, {@code criticalValue · standardError}
   * with the context's critical value; it does not depend on the client's scores. For
   * Jacobson–Truax this is the smallest change from the pre score that is reliable ({@code 1.96 ·
   * S_diff}).
   *
   * @param context the instrument, statistics and critical values
   * @return the threshold in points
   * @throws IllegalStateException if the context lacks an input this method needs (see {@link
   *     #missingInputs(ChangeContext)})
   */
  public double threshold(ChangeContext context) {
    Objects.requireNonNull(context, "context");
    requireInputs(context);
    return context.criticalValue(this) * centreAndError(context.instrument().minScore(), context)[1];
  }

  /**
   * The Jacobson–Truax reliable-change threshold in points for a measure with this SD and
   * reliability, at the default critical value: {@code 1.96 · SD · √(2(1 − r))}.
   *
   * @param sd the SD of the scores (the pre-treatment or clinical SD), &gt; 0
   * @param reliability the reliability, in (0, 1)
   * @return the threshold in points
   * @throws IllegalArgumentException if a value is out of range
   */
  public static double jacobsonTruaxThreshold(double sd, double reliability) {
    Checks.positive("sd", sd);
    Checks.openUnit("reliability", reliability);
    return JACOBSON_TRUAX.defaultCriticalValue.value() * sDiff(sd, reliability);
  }

  /** Jacobson–Truax's standard error of the difference, {@code √2 · SD · √(1 − r)}. */
  private static double sDiff(double sd, double reliability) {
    double se = sd * Math.sqrt(1 - reliability);
    return Math.sqrt(2 * se * se);
  }

  private void requireInputs(ChangeContext context) {
    missingInputs(context)
        .ifPresent(
            m -> {
              throw new IllegalStateException(m);
            });
  }

  /**
   * Whether the method needs cohort statistics (post mean/SD, correlation), not just norms.
   *
   * @return whether it needs cohort statistics
   */
  public boolean needsCohort() {
    return needsCohort;
  }

  /**
   * The source of the formula.
   *
   * @return the source of the formula
   */
  public Citation citation() {
    return citation;
  }

  /**
   * What this method would need but the context lacks, or why it cannot be used with the
   * context's statistics (Hageman–Arrindell's true-score cutoff needs a functional SD larger than
   * the standard error of measurement, its clinical-significance index a post-treatment SD larger
   * than that error, and its change index a positive reliability of the difference scores), or
   * empty when it can be used.
   *
   * @param context the context to check
   * @return what this method would need but the context lacks, or empty when it can be used
   */
  public Optional<String> missingInputs(ChangeContext context) {
    Objects.requireNonNull(context, "context");
    if (needsCohort && context.cohort().isEmpty()) {
      return Optional.of(
          abbreviation + " needs cohort statistics (post-treatment mean"
              + (this == HAGEMAN_ARRINDELL ? ", SD and pre-post correlation" : "")
              + "): give paired data, ChangeContext.withCohort, or --cohort on the command line");
    }
    if (!context.hasPreStatistics()) {
      return Optional.of(
          abbreviation + " needs cohort statistics here: its pre-treatment "
              + (this == JACOBSON_TRUAX ? "SD" : "mean and SD") + " would come from clinical norms,"
              + " which " + context.instrument().id() + " lacks; give paired data,"
              + " ChangeContext.withCohort, or --cohort on the command line");
    }
    if (this == HAGEMAN_ARRINDELL) {
      return hagemanArrindellProblem(context)
          .map(p -> abbreviation + " cannot be used with these statistics: " + p);
    }
    return Optional.empty();
  }

  /**
   * Why Hageman–Arrindell cannot be used with the context's statistics, in order: its true-score
   * cutoff, the post-treatment reliability of its clinical-significance index, the reliability of
   * the difference scores of its change index.
   */
  private static Optional<String> hagemanArrindellProblem(ChangeContext context) {
    Optional<String> cutoff = ClinicalCutoff.trueScoreProblem(context);
    if (cutoff.isPresent()) {
      return cutoff.map(p -> "its true-score cutoff needs " + p);
    }
    double se = ClinicalCutoff.standardError(context);
    double sd2 = context.postSd();
    if (!(sd2 > se)) {
      return Optional.of("its post-treatment reliability (SD2² − S_E²)/SD2² needs a"
          + " post-treatment SD larger than the standard error of measurement, but the post SD "
          + String.format(Locale.ROOT, "%.3f", sd2) + " is not larger than the standard error "
          + String.format(Locale.ROOT, "%.3f", se));
    }
    double rdd = reliabilityOfDifferences(context);
    if (!(rdd > 0)) {
      return Optional.of("the reliability of the difference scores"
          + (Double.isNaN(rdd) ? " is not defined (the differences have no variance)"
              : ", r_dd = " + String.format(Locale.ROOT, "%.3f", rdd) + ", is not positive")
          + ": the cohort's SDs and pre-post correlation leave no reliable change to detect");
    }
    return Optional.empty();
  }

  /**
   * Assesses one client's change.
   *
   * @param pre the earlier (pre-treatment) score
   * @param post the later (post-treatment) score
   * @param context the instrument, statistics, cutoff type and critical values
   * @return the assessment
   * @throws IllegalArgumentException if a score is outside the instrument's range
   * @throws IllegalStateException if the context lacks an input this method needs (see {@link
   *     #missingInputs(ChangeContext)})
   */
  public ReliableChange assess(double pre, double post, ChangeContext context) {
    Objects.requireNonNull(context, "context");
    context.instrument().checkScore("pre score", pre);
    context.instrument().checkScore("post score", post);
    requireInputs(context);
    double[] ce = centreAndError(pre, context);
    double index = (post - ce[0]) / ce[1];
    double criticalValue = context.criticalValue(this);
    int dir = context.instrument().direction().improvementSign();
    boolean improved = dir * index > criticalValue;
    boolean deteriorated = dir * index < -criticalValue;
    double half = criticalValue * ce[1];
    return new ReliableChange(
        this, pre, post, index, criticalValue, ce[0], ce[1], ce[0] - half, ce[0] + half,
        improved, deteriorated);
  }

  /**
   * Parses a constant name or abbreviation case-insensitively ("jt", "jacobson-truax").
   *
   * @param text a constant name or an abbreviation
   * @return the method
   */
  public static ReliableChangeMethod parse(CharSequence text) {
    Objects.requireNonNull(text, "method");
    for (ReliableChangeMethod m : values()) {
      if (m.abbreviation.equalsIgnoreCase(text.toString().trim())) {
        return m;
      }
    }
    return Enums.parse(ReliableChangeMethod.class, "reliable-change method", text);
  }

  /**
   * Hageman–Arrindell's reliability of the difference score, {@code r_dd}.
   *
   * @throws IllegalStateException if it is not positive (the cohort's SDs and correlation leave no
   *     reliable variance in the differences); {@link #missingInputs} says so first
   */
  static double differenceReliability(ChangeContext c) {
    double rdd = reliabilityOfDifferences(c);
    if (!(rdd > 0)) {
      throw new IllegalStateException(HAGEMAN_ARRINDELL.missingInputs(c).orElse(
          "Hageman-Arrindell: the reliability of the difference scores is not positive"));
    }
    return rdd;
  }

  /**
   * {@code r_dd = (SD₁² r_xx1 + SD₂² r_xx2 − 2 SD₁ SD₂ r₁₂) / (SD₁² + SD₂² − 2 SD₁ SD₂ r₁₂)}, with
   * each r_xx from the standard error of the pre scores; NaN when the denominator is not
   * positive.
   */
  private static double reliabilityOfDifferences(ChangeContext c) {
    double sd1 = c.preSd();
    double sd2 = c.postSd();
    double r12 = c.correlation();
    double se = ClinicalCutoff.standardError(c);
    double rxx1 = (sd1 * sd1 - se * se) / (sd1 * sd1);
    double rxx2 = (sd2 * sd2 - se * se) / (sd2 * sd2);
    double num = sd1 * sd1 * rxx1 + sd2 * sd2 * rxx2 - 2 * sd1 * sd2 * r12;
    double den = sd1 * sd1 + sd2 * sd2 - 2 * sd1 * sd2 * r12;
    return den > 0 ? num / den : Double.NaN;
  }
}
