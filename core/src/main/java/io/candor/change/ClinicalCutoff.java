package io.candor.change;

import io.candor.internal.Checks;
import io.candor.measure.Norms;
import java.util.Objects;
import java.util.Optional;

/**
 * A clinical-significance cutoff and how it was computed.
 *
 * <p>Jacobson &amp; Truax (1991) cutoffs, with {@code dir} = +1 when higher is better, −1 when lower
 * is better, clinical statistics {@code M_c, SD_c} (the cohort's pre-treatment statistics when
 * given, else the instrument's clinical norms) and functional norms {@code M_f, SD_f}:
 *
 * <pre>
 *   a = M_c + dir·2·SD_c
 *   b = M_f − dir·2·SD_f          (functional SD; see {@link CutoffType#B})
 *   c = (SD_c·M_f + SD_f·M_c) / (SD_c + SD_f)
 * </pre>
 *
 * <p>Hageman &amp; Arrindell's (1999) true-score variant ({@link #trueScore()}) replaces each SD by
 * {@code SD·√r_xx} with {@code S_E = SD_c·√(1 − r)} and {@code r_xx = (SD² − S_E²)/SD²} in that
 * population (so {@code r_xx = r} in the clinical one), as in the {@code clinicalsignificance} R
 * package, except that b uses the functional population as Jacobson &amp; Truax define it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type which cutoff
 * @param trueScore whether it is Hageman–Arrindell's true-score variant
 * @param value the cutoff score
 */
public record ClinicalCutoff(CutoffType type, boolean trueScore, double value) {

  /**
   * Validates the components.
   *
   * @param type which cutoff
   * @param trueScore whether it is Hageman–Arrindell's true-score variant
   * @param value the cutoff score
   */
  public ClinicalCutoff {
    Objects.requireNonNull(type, "type");
    Checks.finite("value", value);
  }

  /**
   * Computes the cutoff the context asks for on observed scores (Jacobson &amp; Truax 1991).
   *
   * @param context the instrument, statistics and cutoff type
   * @return the cutoff
   * @throws IllegalStateException if a needed norm or caseness cutoff is missing
   */
  public static ClinicalCutoff of(ChangeContext context) {
    return compute(context, false);
  }

  /**
   * Computes Hageman &amp; Arrindell's true-score variant of the cutoff the context asks for (the
   * caseness cutoff stays the published cutoff as it stands).
   *
   * @param context the instrument, statistics and cutoff type
   * @return the cutoff
   * @throws IllegalStateException if a needed norm or caseness cutoff is missing, or the functional
   *     reliability is not positive
   */
  public static ClinicalCutoff ofTrueScore(ChangeContext context) {
    return compute(context, true);
  }

  /**
   * Why Hageman &amp; Arrindell's true-score cutoff cannot be computed for this context, if it
   * cannot: for cutoffs b and c the functional reliability (SD_f² − S_E²)/SD_f² must be
   * positive, that is the functional SD larger than the standard error of measurement of the
   * clinical (or cohort) scores.
   */
  static Optional<String> trueScoreProblem(ChangeContext context) {
    CutoffType type = context.cutoffType();
    if (type == CutoffType.A || type == CutoffType.CASENESS || !context.hasPreStatistics()) {
      return Optional.empty();
    }
    double rf = functionalReliability(context);
    return rf > 0 ? Optional.empty() : Optional.of(functionalSdTooSmall(context, rf));
  }

  /** The standard error of measurement of the pre-treatment (clinical or cohort) scores. */
  static double standardError(ChangeContext context) {
    return context.preSd() * Math.sqrt(1 - context.reliability());
  }

  /** The functional reliability (SD_f² − S_E²)/SD_f². */
  private static double functionalReliability(ChangeContext context) {
    double se = standardError(context);
    double sdf = context.functionalNorms().sd().value();
    return (sdf * sdf - se * se) / (sdf * sdf);
  }

  /** What a functional reliability {@code rf} that is not positive lacks, in words. */
  private static String functionalSdTooSmall(ChangeContext context, double rf) {
    return "a functional SD larger than the standard error of measurement, but the functional SD "
        + Checks.fmt(context.functionalNorms().sd().value()) + " is not larger than the standard"
        + " error " + Checks.fmt(standardError(context)) + " of scores with SD "
        + Checks.fmt(context.preSd()) + " (functional reliability (SD_f² − S_E²)/SD_f² = "
        + Checks.fmt(rf) + ")";
  }

  private static ClinicalCutoff compute(ChangeContext context, boolean trueScore) {
    Objects.requireNonNull(context, "context");
    CutoffType type = context.cutoffType();
    if (type == CutoffType.CASENESS) {
      double v =
          context
              .instrument()
              .casenessCutoff()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          context.instrument().id() + " has no caseness cutoff; "
                              + context.cutoffAdvice()))
              .value();
      return new ClinicalCutoff(type, false, v);
    }
    int dir = context.instrument().direction().improvementSign();
    if (type != CutoffType.B && !context.hasPreStatistics()) {
      throw new IllegalStateException(
          "cutoff " + type + " needs the clinical mean and SD: " + context.instrument().id()
              + " has no clinical norms and no cohort statistics were given; "
              + context.cutoffAdvice());
    }
    double weightClin = 1;
    double weightFunc = 1;
    if (trueScore) {
      double sdc = context.preSd();
      double se = standardError(context);
      weightClin = Math.sqrt((sdc * sdc - se * se) / (sdc * sdc));
      if (type != CutoffType.A) {
        double rf = functionalReliability(context);
        if (!(rf > 0)) {
          throw new IllegalStateException("Hageman-Arrindell cutoff " + type + " needs "
              + functionalSdTooSmall(context, rf));
        }
        weightFunc = Math.sqrt(rf);
      }
    }
    double v;
    switch (type) {
      case A:
        v = context.preMean() + dir * 2 * context.preSd() * weightClin;
        break;
      case B:
        {
          Norms f = context.functionalNorms();
          v = f.mean().value() - dir * 2 * f.sd().value() * weightFunc;
          break;
        }
      default:
        {
          Norms f = context.functionalNorms();
          double sc = context.preSd() * weightClin;
          double sf = f.sd().value() * weightFunc;
          v = (sc * f.mean().value() + sf * context.preMean()) / (sc + sf);
          break;
        }
    }
    return new ClinicalCutoff(type, trueScore, v);
  }
}
