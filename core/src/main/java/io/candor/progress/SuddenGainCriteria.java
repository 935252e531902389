package io.candor.progress;

import io.candor.change.ReliableChangeMethod;
import io.candor.domain.ScoreScale;
import io.candor.domain.Trajectory;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import io.candor.measure.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The criteria for sudden gains and sudden losses (Tang &amp; DeRubeis 1999), and the detector that
 * applies them to one trajectory.
 *
 * <h2>The three criteria for a gain over the interval n → n+1</h2>
 *
 * <ol>
 *   <li><b>Absolute</b>: the improvement from session n to n+1 is at least a cutoff in points. By
 *       default the instrument's reliable-change threshold ({@link
 *       io.candor.measure.Instrument#reliableChange()}, else 1.96·S<sub>diff</sub> from its clinical
 *       SD and reliability); or {@link #withCutoff(double) a given number} (Tang &amp; DeRubeis
 *       used 7 BDI points); or {@link #withCutoffFromReliability(double, double) 1.96·S_diff} with
 *       S<sub>diff</sub> = SD·√(2(1−r)), as the suddengains package's {@code define_crit1_cutoff}.
 *   <li><b>Relative</b>: the improvement is at least a fraction (default 25 %) of the pre-gain
 *       symptom level, i.e. of the pre-gain score's distance from the best end of the scale
 *       (score − min on a higher-is-worse scale: the pre-gain score itself on the BDI or PHQ-9,
 *       whose minimum is 0; max − score on a higher-is-better scale, an assumption of Candor's).
 *   <li><b>Mean difference</b>: the mean of the up to three scores before the gain (sessions
 *       n−2..n) and the mean of the up to three after it (n+1..n+3) differ in the improving
 *       direction by more than t<sub>crit</sub>·s<sub>pooled</sub>, where s<sub>pooled</sub>² =
 *       ((n<sub>1</sub>−1)s<sub>1</sub>² + (n<sub>2</sub>−1)s<sub>2</sub>²)/(n<sub>1</sub>+n<sub>2</sub>−2)
 *       and t<sub>crit</sub> is the two-tailed critical value of Student's t with
 *       n<sub>1</sub>+n<sub>2</sub>−2 degrees of freedom (2.776 for 3+3 scores at α = .05; 3.182
 *       with one missing; 4.303 with one missing each side). At least two scores are needed on
 *       each side; with fewer the interval is not tested. Unadjusted ({@link
 *       #with(CriticalValueRule) with(CriticalValueRule.FIXED)}) uses one fixed value
 *       (2.776) whatever is missing, as the suddengains package's {@code sg_crit3_adjust = FALSE}.
 * </ol>
 *
 * Each criterion can be switched off; at least one must stay on. An interval n → n+1 is tested
 * only when both scores exist (see {@link Schedule}). With the mean-difference criterion off,
 * every such interval is tested (the suddengains package never tests the first and the last
 * interval of its data frame even then; nothing in the definition requires that).
 *
 * <h2>Sudden losses: every criterion mirrored</h2>
 *
 * A loss is the same jump in the worsening direction. Criteria 1 and 3 mirror by sign: the
 * deterioration is at least the cutoff; the post-window mean is worse than the pre-window mean by
 * more than t<sub>crit</sub>·s<sub>pooled</sub>.
 *
 * <p>Criterion 2 needs care. Tang &amp; DeRubeis's relative criterion asks that the change be large
 * <em>relative to the client's symptom level just before it</em> (a 7-point drop means more from
 * BDI 20 than from 45). Writing s(x) for the symptom level (distance from the best end of the
 * scale) and r for the fraction, a gain requires s(pre) − s(post) ≥ r·s(pre), i.e. s(post) ≤
 * (1−r)·s(pre). The same idea for a loss, change relative to the pre-loss symptom level in the
 * worsening direction, gives s(post) − s(pre) ≥ r·s(pre), i.e. s(post) ≥ (1+r)·s(pre): on the BDI
 * the rise must be at least 25 % of the pre-loss score (Lutz et al. 2013 define losses this way).
 * The suddengains package's {@code identify_sl} instead tests pre − post ≤ r·pre, which is true of
 * every rise of any size and even of small drops, so in that package criterion 2 never excludes a
 * loss. Candor does not copy it.
 *
 * <p>Direction-aware: on a higher-is-better instrument (ORS, WEMWBS) a gain is a rise. Scales that
 * are not {@link io.candor.measure.Instrument}s are read as higher-is-worse.
 *
 * <h2>Reversals</h2>
 *
 * A gain of magnitude m ending at score post is reversed when a later score (see {@link
 * ReversalRule}) is worse than post by more than m/2 (strictly, as the package's {@code
 * sg_reversal}); losses mirror this.
 *
 * <p>Immutable and thread-safe; {@link #detect(Trajectory)} allocates only for the changes it
 * finds.
 *
 * @see Citations#TANG_1999
 * @see Citations#LUTZ_2013
 * @see Citations#WIEDEMANN_2020
 */
public final class SuddenGainCriteria {

  /** Relative criterion: 25 % of the pre-gain score (Tang &amp; DeRubeis 1999). */
  public static final Sourced DEFAULT_RELATIVE =
      Sourced.primary(0.25, Citations.TANG_1999, "gain at least 25 % of the pre-gain score");

  /** Two-tailed α of the mean-difference criterion (Tang &amp; DeRubeis 1999). */
  public static final Sourced DEFAULT_ALPHA =
      Sourced.primary(0.05, Citations.TANG_1999,
          "two-tailed t test at .05: critical value 2.776 for 3 + 3 scores");

  /** The unadjusted critical value: t(.975, 4) as printed by Tang &amp; DeRubeis (1999). */
  public static final Sourced DEFAULT_FIXED_CRITICAL_VALUE =
      Sourced.primary(2.776, Citations.TANG_1999, "t critical value for 3 + 3 scores, alpha .05");

  private enum Absolute {
    RELIABLE_CHANGE,
    GIVEN,
    OFF
  }

  /**
   * Every setting in one value, so that each {@code withXxx} changes one named component: the
   * absolute criterion and its cutoff, the relative fraction (empty: off), the mean-difference
   * criterion, the schedule and the reversal rule.
   */
  private record Settings(
      Absolute absolute,
      double cutoff,
      OptionalDouble relative,
      MeanDifference meanDifference,
      Schedule schedule,
      ReversalRule reversalRule) {

    Settings withAbsolute(Absolute kind, double points) {
      return new Settings(kind, points, relative, meanDifference, schedule, reversalRule);
    }

    Settings withRelative(OptionalDouble fraction) {
      return new Settings(absolute, cutoff, fraction, meanDifference, schedule, reversalRule);
    }

    Settings withMeanDifference(MeanDifference md) {
      return new Settings(absolute, cutoff, relative, md, schedule, reversalRule);
    }

    Settings changeSchedule(Schedule s) {
      return new Settings(absolute, cutoff, relative, meanDifference, s, reversalRule);
    }

    Settings changeReversalRule(ReversalRule r) {
      return new Settings(absolute, cutoff, relative, meanDifference, schedule, r);
    }
  }

  /** The mean-difference criterion: on or off, its α, and how its critical value is chosen. */
  private record MeanDifference(boolean on, double alpha, CriticalValueRule rule, double fixedValue) {}

  private final Settings settings;
  /** critical[n1 - 2][n2 - 2] for n1, n2 in {2, 3}. */
  private final double[][] critical;

  private SuddenGainCriteria(Settings settings) {
    this.settings = settings;
    MeanDifference md = settings.meanDifference();
    this.critical = new double[2][2];
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 2; b++) {
        int df = a + b + 2; // (a + 2) + (b + 2) - 2
        critical[a][b] =
            md.rule() == CriticalValueRule.ADJUSTED_FOR_MISSING_SCORES
                ? TDistribution.of(df).inverseSurvivalProbability(md.alpha() / 2)
                : md.fixedValue();
      }
    }
  }

  /**
   * Tang &amp; DeRubeis's three criteria with the instrument's reliable-change threshold as the
   * cutoff, 25 %, the mean-difference test at α = .05 adjusted for missing scores, session numbers
   * taken literally and reversals at any later session.
   *
   * @return the default criteria
   */
  public static SuddenGainCriteria withDefaults() {
    return new SuddenGainCriteria(
        new Settings(
            Absolute.RELIABLE_CHANGE,
            Double.NaN,
            OptionalDouble.of(DEFAULT_RELATIVE.value()),
            new MeanDifference(true, DEFAULT_ALPHA.value(), CriticalValueRule.ADJUSTED_FOR_MISSING_SCORES,
                DEFAULT_FIXED_CRITICAL_VALUE.value()),
            Schedule.SESSION_NUMBERS,
            ReversalRule.ANY_LATER_SESSION));
  }

  /**
   * A copy whose absolute criterion is a given number of points.
   *
   * @param points the cutoff, &gt; 0
   * @return the copy
   * @throws IllegalArgumentException if {@code points} is not positive and finite
   */
  public SuddenGainCriteria withCutoff(double points) {
    Checks.positive("cutoff", points);
    return new SuddenGainCriteria(settings.withAbsolute(Absolute.GIVEN, points));
  }

  /**
   * A copy whose absolute cutoff is 1.96·S<sub>diff</sub>, S<sub>diff</sub> = sd·√(2(1 −
   * reliability)) (Jacobson &amp; Truax 1991; the suddengains package's {@code
   * define_crit1_cutoff}).
   *
   * @param sd standard deviation of the scores (e.g. at baseline), &gt; 0
   * @param reliability reliability of the measure, in (0, 1)
   * @return the copy
   * @throws IllegalArgumentException if {@code sd} is not positive or {@code reliability} not in (0, 1)
   */
  public SuddenGainCriteria withCutoffFromReliability(double sd, double reliability) {
    return withCutoff(ReliableChangeMethod.jacobsonTruaxThreshold(sd, reliability));
  }

  /**
   * A copy whose absolute cutoff is the instrument's reliable-change threshold (the default).
   *
   * @return the copy
   */
  public SuddenGainCriteria withReliableChangeCutoff() {
    return new SuddenGainCriteria(settings.withAbsolute(Absolute.RELIABLE_CHANGE, Double.NaN));
  }

  /**
   * A copy without the absolute criterion.
   *
   * @return the copy
   */
  public SuddenGainCriteria withoutAbsoluteCriterion() {
    return new SuddenGainCriteria(settings.withAbsolute(Absolute.OFF, Double.NaN));
  }

  /**
   * A copy whose relative criterion uses a fraction of the pre-change level.
   *
   * @param fraction the fraction, in (0, 1)
   * @return the copy
   * @throws IllegalArgumentException if {@code fraction} is not in (0, 1)
   */
  public SuddenGainCriteria withRelative(double fraction) {
    Checks.openUnit("relative fraction", fraction);
    return new SuddenGainCriteria(settings.withRelative(OptionalDouble.of(fraction)));
  }

  /**
   * A copy without the relative criterion.
   *
   * @return the copy
   */
  public SuddenGainCriteria withoutRelativeCriterion() {
    return new SuddenGainCriteria(settings.withRelative(OptionalDouble.empty()));
  }

  /**
   * A copy with the mean-difference criterion on at a two-tailed level.
   *
   * @param alpha the two-tailed α, in (0, 1)
   * @return the copy
   * @throws IllegalArgumentException if {@code alpha} is not in (0, 1)
   */
  public SuddenGainCriteria withMeanDifferenceCriterion(double alpha) {
    Checks.openUnit("alpha", alpha);
    MeanDifference md = settings.meanDifference();
    return new SuddenGainCriteria(
        settings.withMeanDifference(new MeanDifference(true, alpha, md.rule(), md.fixedValue())));
  }

  /**
   * A copy without the mean-difference criterion.
   *
   * @return the copy
   */
  public SuddenGainCriteria withoutMeanDifferenceCriterion() {
    MeanDifference md = settings.meanDifference();
    return new SuddenGainCriteria(
        settings.withMeanDifference(new MeanDifference(false, md.alpha(), md.rule(), md.fixedValue())));
  }

  /**
   * A copy that chooses the mean-difference critical value by {@code rule}: adjusted for missing
   * scores (the default: t with n<sub>1</sub>+n<sub>2</sub>−2 df) or the fixed critical value
   * whatever is missing.
   *
   * @param rule how the critical value is chosen
   * @return the copy
   */
  public SuddenGainCriteria with(CriticalValueRule rule) {
    Objects.requireNonNull(rule, "critical value rule");
    MeanDifference md = settings.meanDifference();
    return new SuddenGainCriteria(
        settings.withMeanDifference(new MeanDifference(md.on(), md.alpha(), rule, md.fixedValue())));
  }

  /**
   * A copy that uses {@code value} as the critical value whatever is missing ({@link
   * CriticalValueRule#FIXED}).
   *
   * @param value the critical value, &gt; 0
   * @return the copy
   * @throws IllegalArgumentException if {@code value} is not positive and finite
   */
  public SuddenGainCriteria withFixedCriticalValue(double value) {
    Checks.positive("critical value", value);
    MeanDifference md = settings.meanDifference();
    return new SuddenGainCriteria(
        settings.withMeanDifference(new MeanDifference(md.on(), md.alpha(), CriticalValueRule.FIXED, value)));
  }

  /**
   * A copy with another way of forming intervals.
   *
   * @param schedule the schedule
   * @return the copy
   */
  public SuddenGainCriteria with(Schedule schedule) {
    return new SuddenGainCriteria(settings.changeSchedule(Objects.requireNonNull(schedule, "schedule")));
  }

  /**
   * A copy with another reversal rule.
   *
   * @param rule the reversal rule
   * @return the copy
   */
  public SuddenGainCriteria with(ReversalRule rule) {
    return new SuddenGainCriteria(settings.changeReversalRule(Objects.requireNonNull(rule, "reversal rule")));
  }

  /**
   * Whether the absolute criterion is applied.
   *
   * @return whether it is on
   */
  public boolean absoluteCriterion() {
    return settings.absolute() != Absolute.OFF;
  }

  /**
   * The given cutoff.
   *
   * @return the cutoff, empty when it is the instrument's threshold or the criterion is off
   */
  public OptionalDouble givenCutoff() {
    return settings.absolute() == Absolute.GIVEN ? OptionalDouble.of(settings.cutoff()) : OptionalDouble.empty();
  }

  /**
   * The relative fraction.
   *
   * @return the fraction, empty when the relative criterion is off
   */
  public OptionalDouble relative() {
    return settings.relative();
  }

  /**
   * The two-tailed α of the mean-difference criterion.
   *
   * @return α, empty when the criterion is off
   */
  public OptionalDouble meanDifferenceAlpha() {
    MeanDifference md = settings.meanDifference();
    return md.on() ? OptionalDouble.of(md.alpha()) : OptionalDouble.empty();
  }

  /**
   * How the mean-difference critical value is chosen.
   *
   * @return the rule
   */
  public CriticalValueRule criticalValueRule() {
    return settings.meanDifference().rule();
  }

  /**
   * The interval schedule.
   *
   * @return the schedule
   */
  public Schedule schedule() {
    return settings.schedule();
  }

  /**
   * The reversal rule.
   *
   * @return the rule
   */
  public ReversalRule reversalRule() {
    return settings.reversalRule();
  }

  /**
   * The critical value used with {@code nPre} and {@code nPost} scores (each 2 or 3).
   *
   * @param nPre the number of scores before the jump, 2 or 3
   * @param nPost the number of scores after it, 2 or 3
   * @return the critical value used with {@code nPre} and {@code nPost} scores (each 2 or 3)
   * @throws IllegalArgumentException if a count is not 2 or 3
   */
  public double criticalValue(int nPre, int nPost) {
    Checks.inRange("nPre", nPre, 2, 3);
    Checks.inRange("nPost", nPost, 2, 3);
    return critical[nPre - 2][nPost - 2];
  }

  /**
   * The absolute cutoff in points that applies to trajectories on {@code scale}.
   *
   * @param scale the scale
   * @return the absolute cutoff in points that applies to trajectories on {@code scale}
   * @throws IllegalStateException if the criterion is off, or the cutoff is the reliable-change
   *     threshold and the scale has none
   */
  public double cutoffFor(ScoreScale scale) {
    Objects.requireNonNull(scale, "scale");
    return switch (settings.absolute()) {
      case GIVEN -> settings.cutoff();
      case RELIABLE_CHANGE ->
          Scales.reliableChangePoints(scale, "give the sudden-gain cutoff explicitly (withCutoff)");
      case OFF -> throw new IllegalStateException("the absolute criterion is off");
    };
  }

  /**
   * Finds the sudden gains and losses in one trajectory.
   *
   * @param trajectory the trajectory
   * @return the gains and losses found
   * @throws IllegalStateException if every criterion is off, or the cutoff is the reliable-change
   *     threshold and the trajectory's scale has none
   */
  public SuddenChanges detect(Trajectory trajectory) {
    Objects.requireNonNull(trajectory, "trajectory");
    Absolute absolute = settings.absolute();
    boolean relativeOn = settings.relative().isPresent();
    double relative = settings.relative().orElse(0);
    boolean meanDifferenceOn = settings.meanDifference().on();
    if (absolute == Absolute.OFF && !relativeOn && !meanDifferenceOn) {
      throw new IllegalStateException("every sudden-gain criterion is switched off; keep at least one");
    }
    ScoreScale scale = trajectory.scale();
    double cut = absolute == Absolute.OFF ? 0 : cutoffFor(scale);
    Direction direction = Scales.direction(scale);
    int sign = direction.improvementSign();
    int n = trajectory.size();
    List<SuddenChange> gains = null;
    List<SuddenChange> losses = null;
    boolean bySession = settings.schedule() == Schedule.SESSION_NUMBERS;
    for (int i = 0; i + 1 < n; i++) {
      int s0 = trajectory.sessionAt(i);
      int s1 = trajectory.sessionAt(i + 1);
      if (bySession && s1 != s0 + 1) {
        continue;
      }
      double pre = trajectory.scoreAt(i);
      double post = trajectory.scoreAt(i + 1);
      double delta = sign * (post - pre); // improvement, > 0 for a gain
      if (delta == 0) {
        continue;
      }
      double size = Math.abs(delta);
      if (absolute != Absolute.OFF && !(size >= cut)) {
        continue;
      }
      if (relativeOn && !(size >= relative * Scales.severity(scale, direction, pre))) {
        continue;
      }
      double preMean = Double.NaN;
      double postMean = Double.NaN;
      double crit = Double.NaN;
      if (meanDifferenceOn) {
        int lo = i;
        int hi = i + 1;
        if (bySession) {
          while (lo > 0 && trajectory.sessionAt(lo - 1) >= s0 - 2) {
            lo--;
          }
          while (hi + 1 < n && trajectory.sessionAt(hi + 1) <= s0 + 3) {
            hi++;
          }
        } else {
          lo = Math.max(0, i - 2);
          hi = Math.min(n - 1, i + 3);
        }
        int n1 = i - lo + 1;
        int n2 = hi - i;
        if (n1 < 2 || n2 < 2) {
          continue;
        }
        double sum1 = 0;
        for (int j = lo; j <= i; j++) {
          sum1 += trajectory.scoreAt(j);
        }
        double sum2 = 0;
        for (int j = i + 1; j <= hi; j++) {
          sum2 += trajectory.scoreAt(j);
        }
        preMean = sum1 / n1;
        postMean = sum2 / n2;
        double ss = 0;
        for (int j = lo; j <= i; j++) {
          double d = trajectory.scoreAt(j) - preMean;
          ss += d * d;
        }
        for (int j = i + 1; j <= hi; j++) {
          double d = trajectory.scoreAt(j) - postMean;
          ss += d * d;
        }
        double pooledSd = Math.sqrt(ss / (n1 + n2 - 2));
        crit = critical[n1 - 2][n2 - 2];
        double meanImprovement = sign * (postMean - preMean);
        double needed = crit * pooledSd;
        if (!(delta > 0 ? meanImprovement > needed : -meanImprovement > needed)) {
          continue;
        }
      }
      ChangeKind kind = delta > 0 ? ChangeKind.GAIN : ChangeKind.LOSS;
      SuddenChange change =
          new SuddenChange(
              kind, s0, s1, pre, post, size, share(trajectory, sign, delta), present(preMean),
              present(postMean), present(crit), reversal(trajectory, i + 1, sign, delta, size));
      if (kind == ChangeKind.GAIN) {
        if (gains == null) {
          gains = new ArrayList<>(2);
        }
        gains.add(change);
      } else {
        if (losses == null) {
          losses = new ArrayList<>(2);
        }
        losses.add(change);
      }
    }
    return new SuddenChanges(
        trajectory.client(),
        scale.id(),
        gains == null ? List.of() : gains,
        losses == null ? List.of() : losses);
  }

  /** NaN (criterion not applied) as empty. */
  private static OptionalDouble present(double x) {
    return Double.isNaN(x) ? OptionalDouble.empty() : OptionalDouble.of(x);
  }

  /** The jump's share of the net change, when the net change runs in the jump's direction. */
  private static OptionalDouble share(Trajectory t, int sign, double delta) {
    double total = sign * (t.scoreAt(t.size() - 1) - t.scoreAt(0));
    double share = delta / total;
    return total != 0 && share > 0 ? OptionalDouble.of(share) : OptionalDouble.empty();
  }

  private OptionalInt reversal(Trajectory t, int postIndex, int sign, double delta, double size) {
    double post = t.scoreAt(postIndex);
    int postSession = t.sessionAt(postIndex);
    int offset = settings.reversalRule().firstOffset();
    double half = size / 2;
    for (int j = postIndex + 1; j < t.size(); j++) {
      boolean eligible =
          settings.schedule() == Schedule.SESSION_NUMBERS
              ? t.sessionAt(j) >= postSession + offset
              : j >= postIndex + offset;
      if (!eligible) {
        continue;
      }
      double improvementSincePost = sign * (t.scoreAt(j) - post);
      // a gain (delta > 0) is reversed by a worsening, a loss by an improvement
      double undone = delta > 0 ? -improvementSincePost : improvementSincePost;
      if (undone > half) {
        return OptionalInt.of(t.sessionAt(j));
      }
    }
    return OptionalInt.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SuddenGainCriteria c && settings.equals(c.settings);
  }

  @Override
  public int hashCode() {
    return settings.hashCode();
  }

  @Override
  public String toString() {
    MeanDifference md = settings.meanDifference();
    StringBuilder sb = new StringBuilder("sudden gains: ");
    sb.append(switch (settings.absolute()) {
      case GIVEN -> "cutoff " + Checks.fmt(settings.cutoff());
      case RELIABLE_CHANGE -> "cutoff = reliable change";
      case OFF -> "no absolute criterion";
    });
    sb.append(settings.relative().isPresent()
        ? ", relative " + Checks.fmt(settings.relative().getAsDouble())
        : ", no relative criterion");
    sb.append(md.on()
        ? ", mean difference at alpha " + Checks.fmt(md.alpha())
            + (md.rule() == CriticalValueRule.ADJUSTED_FOR_MISSING_SCORES
                ? " (adjusted for missing)"
                : " (fixed critical value " + Checks.fmt(md.fixedValue()) + ")")
        : ", no mean-difference criterion");
    sb.append(", ").append(settings.schedule().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    sb.append(", reversal ").append(settings.reversalRule().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    return sb.toString();
  }
}
