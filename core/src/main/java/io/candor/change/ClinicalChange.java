package io.candor.change;

import io.candor.internal.Checks;
import io.candor.measure.Instrument;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Entry points for reliable and clinically significant change.
 *
 * <pre>{@code
 * Classification c = ClinicalChange.classify(
 *     ReliableChangeMethod.JACOBSON_TRUAX, 18, 9, ChangeContext.of(Instruments.PHQ9));
 * c.category();                  // RECOVERED, IMPROVED, UNCHANGED, DETERIORATED or HARMED
 * c.reliableChange().index();    // the reliable-change index
 *
 * MethodComparison table = ClinicalChange.compare(Instruments.PHQ9, pre, post);
 * }</pre>
 *
 * <p>Categories follow Claus, Wager &amp; Bonnet (2024): recovered = clinical before, functional
 * after, reliably improved; harmed = not clinical before, not functional after, reliably
 * deteriorated; otherwise improved / deteriorated / unchanged by the reliable-change verdict alone.
 * With cutoffs a, b, c "clinical" means strictly on the clinical side of the cutoff and "functional"
 * strictly on the functional side (a score exactly at the cutoff is neither clinical before nor
 * functional after); with {@link CutoffType#CASENESS} the published rule decides ({@link
 * Instrument#isCase(double)}) and "functional" means "not a case".
 *
 * <p>For Hageman–Arrindell recovery goes through the individual index {@code CS_indiv} (see
 * {@link Classification}), as in the R package. Harm is Candor's mirror image of that: not
 * clinical before, {@code CS_indiv} past the critical value towards dysfunction, and a reliable
 * deterioration. The {@code clinicalsignificance} package (2.0 and later) instead applies its
 * general rule, harmed = not clinical before, not functional after and reliably deteriorated, to
 * HA too; since its HA "functional after" is true only for clients clinical before, every reliable
 * deterioration of a client not clinical before counts as harm there, even one that stays on the
 * functional side of the cutoff. Its 1.x versions reported no harm for HA. Hageman &amp;
 * Arrindell (1999) define recovery only, so both are extensions of the published method.
 *
 * <p>Stateless; thread-safe.
 */
public final class ClinicalChange {

  private ClinicalChange() {}

  /**
   * Classifies one client's change under one method.
   *
   * @param method the reliable-change method
   * @param pre the earlier (pre-treatment) score
   * @param post the later (post-treatment) score
   * @param context the instrument, statistics, cutoff type and critical values
   * @return the classification
   * @throws IllegalArgumentException if a score is outside the instrument's range
   * @throws IllegalStateException if the context lacks what the method or cutoff needs
   */
  public static Classification classify(
      ReliableChangeMethod method, double pre, double post, ChangeContext context) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(context, "context");
    ReliableChange rc = method.assess(pre, post, context);
    boolean ha = method == ReliableChangeMethod.HAGEMAN_ARRINDELL;
    ClinicalCutoff cutoff = ha ? ClinicalCutoff.ofTrueScore(context) : ClinicalCutoff.of(context);
    boolean clinicalPre = clinical(context.instrument(), cutoff, pre);
    if (!ha) {
      boolean functionalPost = functional(context.instrument(), cutoff, post);
      return new Classification(
          rc, cutoff, clinicalPre, functionalPost, OptionalDouble.empty(),
          category(rc.improved(), rc.deteriorated(), clinicalPre, functionalPost,
              !clinicalPre && !functionalPost));
    }
    int dir = context.instrument().direction().improvementSign();
    double cut = cutoff.value();
    double se = ClinicalCutoff.standardError(context);
    double sd2 = context.postSd();
    // positive: assess has refused a post SD not above the standard error (missingInputs)
    double r2 = (sd2 * sd2 - se * se) / (sd2 * sd2);
    double m2 = context.postMean();
    double cs = (m2 + (post - m2) * r2 - cut) / (Math.sqrt(r2) * se);
    double crit = context.criticalValue(method);
    boolean functionalPost = clinicalPre && dir * cs > crit;
    boolean clinicalPost = !clinicalPre && dir * cs < -crit;
    return new Classification(
        rc, cutoff, clinicalPre, functionalPost, OptionalDouble.of(cs),
        category(rc.improved(), rc.deteriorated(), clinicalPre, functionalPost, clinicalPost));
  }

  /**
   * Classifies one client's change by the instrument's own reliable-change threshold ({@link
   * ClinicalEvents}: published, else Jacobson–Truax from its clinical norms) and the context's
   * cutoff. Needs no cohort statistics, so it gives a verdict for instruments that have a
   * published threshold but no clinical norms (ORS, WEMWBS).
   *
   * @param pre pre-treatment score
   * @param post post-treatment score
   * @param context the instrument and cutoff type (cohort statistics are used only by cutoffs a
   *     and c)
   * @return the classification
   * @throws IllegalArgumentException if a score is outside the instrument's range
   * @throws IllegalStateException if the instrument has no reliable-change threshold ({@link
   *     ClinicalEvents#missingThreshold()}) or the context's cutoff cannot be computed
   */
  public static CriterionClassification classifyByCriterion(
      double pre, double post, ChangeContext context) {
    Objects.requireNonNull(context, "context");
    Instrument instrument = context.instrument();
    ClinicalEvents events = ClinicalEvents.of(instrument);
    boolean improved = events.reliablyImproved(pre, post);
    boolean deteriorated = events.reliablyDeteriorated(pre, post);
    ClinicalCutoff cutoff = ClinicalCutoff.of(context);
    boolean clinicalPre = clinical(instrument, cutoff, pre);
    boolean functionalPost = functional(instrument, cutoff, post);
    return new CriterionClassification(pre, post,
        events.reliableChangeThreshold().orElseThrow(), instrument.improvement(pre, post),
        improved, deteriorated, cutoff, clinicalPre, functionalPost,
        category(improved, deteriorated, clinicalPre, functionalPost,
            !clinicalPre && !functionalPost));
  }

  /** Clinical before: a case by the caseness rule, else strictly on the clinical side of a, b, c. */
  private static boolean clinical(Instrument instrument, ClinicalCutoff cutoff, double score) {
    int dir = instrument.direction().improvementSign();
    return cutoff.type() == CutoffType.CASENESS
        ? instrument.isCase(score) : dir * score < dir * cutoff.value();
  }

  /** Functional after: not a case, else strictly on the functional side of a, b, c. */
  private static boolean functional(Instrument instrument, ClinicalCutoff cutoff, double score) {
    int dir = instrument.direction().improvementSign();
    return cutoff.type() == CutoffType.CASENESS
        ? !instrument.isCase(score) : dir * score > dir * cutoff.value();
  }

  private static ChangeCategory category(boolean improved, boolean deteriorated,
      boolean clinicalPre, boolean functionalPost, boolean harmedRange) {
    if (improved) {
      return clinicalPre && functionalPost ? ChangeCategory.RECOVERED : ChangeCategory.IMPROVED;
    }
    if (deteriorated) {
      return harmedRange ? ChangeCategory.HARMED : ChangeCategory.DETERIORATED;
    }
    return ChangeCategory.UNCHANGED;
  }

  /**
   * Classifies one client's change under every method the context supports (methods whose inputs
   * are missing are left out; see {@link ReliableChangeMethod#missingInputs(ChangeContext)}).
   *
   * @param pre the earlier (pre-treatment) score
   * @param post the later (post-treatment) score
   * @param context the instrument, statistics, cutoff type and critical values
   * @return one classification per usable method
   */
  public static List<Classification> classifyAll(double pre, double post, ChangeContext context) {
    Objects.requireNonNull(context, "context");
    List<Classification> out = new ArrayList<>();
    for (ReliableChangeMethod m : ReliableChangeMethod.values()) {
      if (m.missingInputs(context).isEmpty()) {
        out.add(classify(m, pre, post, context));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Classifies every client of a paired data set under every method, with the data set's own
   * statistics (as the R package does) and the default cutoff for the instrument.
   *
   * @param instrument the instrument the scores are on
   * @param pre the pre-treatment scores
   * @param post the post-treatment scores, {@code post[i]} of the same client as {@code pre[i]}
   * @return the counts per method and category
   * @throws IllegalArgumentException if the arrays differ in length, hold fewer than 2 pairs, or a
   *     score is outside the instrument's range
   */
  public static MethodComparison compare(Instrument instrument, double[] pre, double[] post) {
    Objects.requireNonNull(instrument, "instrument");
    return compare(ChangeContext.of(instrument), pre, post);
  }

  /**
   * As {@link #compare(Instrument, double[], double[])} with the given context's instrument,
   * reliability and cutoff type (see {@link ChangeContext#withCohort}); the cohort statistics are
   * replaced by those of the data.
   *
   * @param context the instrument, statistics, cutoff type and critical values
   * @param pre the pre-treatment scores
   * @param post the post-treatment scores, {@code post[i]} of the same client as {@code pre[i]}
   * @return the counts per method and category
   */
  public static MethodComparison compare(ChangeContext context, double[] pre, double[] post) {
    Objects.requireNonNull(context, "context");
    ReferenceStatistics stats = ReferenceStatistics.of(pre, post);
    for (int i = 0; i < pre.length; i++) {
      context.instrument().checkScore("pre[" + i + "]", pre[i]);
      context.instrument().checkScore("post[" + i + "]", post[i]);
    }
    ChangeContext c = context.withCohort(stats);
    List<MethodCounts> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (ReliableChangeMethod m : ReliableChangeMethod.values()) {
      try {
        Map<ChangeCategory, Integer> counts = new EnumMap<>(ChangeCategory.class);
        ClinicalCutoff cutoff = null;
        for (int i = 0; i < pre.length; i++) {
          Classification cl = classify(m, pre[i], post[i], c);
          cutoff = cl.cutoff();
          counts.merge(cl.category(), 1, Integer::sum);
        }
        rows.add(
            new MethodCounts(
                m, Objects.requireNonNull(cutoff, "cutoff"),
                counts.getOrDefault(ChangeCategory.RECOVERED, 0),
                counts.getOrDefault(ChangeCategory.IMPROVED, 0),
                counts.getOrDefault(ChangeCategory.UNCHANGED, 0),
                counts.getOrDefault(ChangeCategory.DETERIORATED, 0),
                counts.getOrDefault(ChangeCategory.HARMED, 0)));
      } catch (IllegalStateException e) {
        notes.add(m.abbreviation() + ": " + e.getMessage());
      }
    }
    return new MethodComparison(
        context.instrument().id(), pre.length, stats, c.cutoffType(), rows, notes);
  }

  /**
   * As {@link #compare(ChangeContext, double[], double[])} on first/last scores, e.g. from {@link
   * PrePost#fromCohort(io.candor.domain.Cohort, String, int)}.
   *
   * @param context the instrument, statistics, cutoff type and critical values
   * @param pairs each client's first and last score
   * @return the counts per method and category
   */
  public static MethodComparison compare(ChangeContext context, List<PrePost> pairs) {
    Checks.noNulls("pairs", pairs);
    return compare(context, PrePost.pres(pairs), PrePost.posts(pairs));
  }
}
