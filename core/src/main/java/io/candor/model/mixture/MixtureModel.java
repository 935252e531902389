package io.candor.model.mixture;

import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Latent trajectory classes: a finite mixture of growth curves, its configuration, and
 * {@link #fit} (one K) or {@link #compare} (K = 1..Kmax).
 *
 * <p><b>Model.</b> Client i belongs to one of K classes; class j has prior probability π_j
 * (or, with membership covariates w_i, softmax_j(η_j · w_i), a multinomial logit with class 1 as
 * reference) and a curve x(t)ᵀβ_j on the growth package's {@link TimeBasis}. In LCGA
 * ({@link WithinClass#NONE}; Nagin 1999) a client's scores are independent normals around the
 * class curve with SD σ_j. In a growth mixture model (Muthén &amp; Shedden 1999) the client also
 * has a random intercept (and slope) with class covariance D_j, so the scores are multivariate
 * normal with covariance Z D_j Zᵀ + σ_j² I. σ and D can be per class or common. All of a client's
 * observations belong to one class; clients with a single observation take part (their one score
 * informs the class probabilities and, weighted by them, the class levels; in a GMM it cannot
 * separate their random intercept from the residual, so it informs D and σ only together with
 * the other clients).
 *
 * <p><b>Estimation.</b> Maximum likelihood by EM with exact M-steps (see the design note
 * {@code docs/mixture.md}): {@link #withStarts(int) starts} random starts drawn from the given
 * {@link UniformRandomProvider} (k-means++ seeding on the clients' own trajectories) each run
 * {@link #withStartIterations(int) a few} iterations; the {@link #withFinalStarts(int) best few}
 * are then run to convergence and the best of those is the solution; how many of them reached
 * its log-likelihood is reported (the gridsearch idea of lcmm, Proust-Lima et al. 2017; the
 * initial and final stages of Mplus). The random draws are made in order on the calling thread
 * before any work is spread over {@link #withThreads(int) threads}, and each run is computed by
 * one thread, so a seed gives the same result bit for bit for any thread count. Classes are then
 * ordered by their first time coefficient, then their intercept.
 *
 * <pre>{@code
 * ClassEnumeration e = MixtureModel.withDefaults()
 *     .with(TimeBasis.LOG)
 *     .compare(data, 1, 5, RandomSource.XO_RO_SHI_RO_128_PP.create(42L));
 * MixtureFit chosen = e.selected();                              // lowest BIC (N = clients)
 * ClassPosterior p = chosen.model().posterior(NewClient.of(new double[] {0}, new double[] {18}));
 * }</pre>
 *
 * <p>Immutable and thread-safe; every {@code withXxx} returns a copy.
 */
public final class MixtureModel {

  /** Default number of random starts per K. */
  public static final Sourced DEFAULT_STARTS = Sourced.assumption(50, Citations.HIPP_2006,
      "a convention: Hipp & Bauer (2006) show that growth mixture models often have local"
          + " maxima and recommend many random starts; 50 is the number in Candor's issue, not a"
          + " published default");

  /** Default number of starts carried on to convergence. */
  public static final Sourced DEFAULT_FINAL_STARTS = Sourced.assumption(10,
      Citations.PROUST_LIMA_2017, "a convention: one in five starts carried on, the ratio of"
          + " Mplus's default STARTS = 20 4 as commonly quoted (not checked against the Mplus"
          + " manual); lcmm's gridsearch carries on only the best one");

  /** Default EM iterations of each start's short run. */
  public static final Sourced DEFAULT_START_ITERATIONS = Sourced.assumption(10,
      Citations.PROUST_LIMA_2017, "a convention: the short runs of lcmm's gridsearch (its"
          + " maxiter is the user's choice) and Mplus's STITERATIONS = 10 as commonly quoted");

  /** Default share below which a class is reported as small. */
  public static final Sourced DEFAULT_SMALL_CLASS_SHARE = Sourced.primary(0.05,
      Citations.GRUN_2008, "flexmix's default minprior (seen in its FLXcontrol): flexmix drops"
          + " components with a prior below 5 %; Candor keeps them and reports them as small");

  /** Default iteration limit of a run. */
  static final int DEFAULT_MAX_ITERATIONS = 5000;

  /** Default relative convergence tolerance on the log-likelihood. */
  static final double DEFAULT_TOLERANCE = 1e-10;

  private static final MixtureModel DEFAULTS = new MixtureModel(new Settings(TimeBasis.LINEAR,
      OptionalDouble.empty(), WithinClass.NONE, ResidualVariance.PER_CLASS,
      RandomCovariance.PER_CLASS, List.of(), (int) DEFAULT_STARTS.value(),
      (int) DEFAULT_FINAL_STARTS.value(), (int) DEFAULT_START_ITERATIONS.value(),
      DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, 1, SelectionCriterion.BIC, 0,
      DEFAULT_SMALL_CLASS_SHARE.value(), false));

  /** Every setting in one place; each {@code withXxx} changes one field of a copy. */
  private record Settings(TimeBasis basis, OptionalDouble knot, WithinClass withinClass,
      ResidualVariance residualVariance, RandomCovariance randomCovariance,
      List<String> membership, int starts, int finalStarts, int startIterations,
      int maxIterations, double tolerance, int threads, SelectionCriterion criterion,
      int bootstrap, double smallShare, boolean flexmixScaling) {

    Builder toBuilder() {
      Builder b = new Builder();
      b.basis = basis;
      b.knot = knot;
      b.withinClass = withinClass;
      b.residualVariance = residualVariance;
      b.randomCovariance = randomCovariance;
      b.membership = membership;
      b.starts = starts;
      b.finalStarts = finalStarts;
      b.startIterations = startIterations;
      b.maxIterations = maxIterations;
      b.tolerance = tolerance;
      b.threads = threads;
      b.criterion = criterion;
      b.bootstrap = bootstrap;
      b.smallShare = smallShare;
      b.flexmixScaling = flexmixScaling;
      return b;
    }
  }

  /** The mutable twin of {@link Settings}, used only inside {@link #change}. */
  private static final class Builder {
    TimeBasis basis;
    OptionalDouble knot;
    WithinClass withinClass;
    ResidualVariance residualVariance;
    RandomCovariance randomCovariance;
    List<String> membership;
    int starts;
    int finalStarts;
    int startIterations;
    int maxIterations;
    double tolerance;
    int threads;
    SelectionCriterion criterion;
    int bootstrap;
    double smallShare;
    boolean flexmixScaling;

    Settings build() {
      return new Settings(basis, knot, withinClass, residualVariance, randomCovariance, membership,
          starts, finalStarts, startIterations, maxIterations, tolerance, threads, criterion,
          bootstrap, smallShare, flexmixScaling);
    }
  }

  private final Settings s;

  private MixtureModel(Settings s) {
    this.s = s;
  }

  private MixtureModel change(java.util.function.Consumer<Builder> edit) {
    Builder b = s.toBuilder();
    edit.accept(b);
    return new MixtureModel(b.build());
  }

  /**
   * LCGA on a linear time basis, residual SD per class, no membership covariates, 50 starts with
   * 10 iterations each of which the best 10 run to convergence, one thread, K chosen by BIC, no
   * bootstrap test, classes below a 5 % share reported as small.
   *
   * @return the default configuration
   */
  public static MixtureModel withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy with this time basis. For {@link TimeBasis#PIECEWISE} use {@link #withPiecewise}.
   *
   * @param basis linear, log or quadratic
   * @return the copy
   * @throws IllegalArgumentException for {@code PIECEWISE} (it needs a knot)
   */
  public MixtureModel with(TimeBasis basis) {
    Objects.requireNonNull(basis, "basis");
    if (basis == TimeBasis.PIECEWISE) {
      throw new IllegalArgumentException("basis PIECEWISE needs a knot: use withPiecewise(knot)");
    }
    return change(b -> {
      b.basis = basis;
      b.knot = OptionalDouble.empty();
    });
  }

  /**
   * A copy with the piecewise-linear basis: time and max(0, time − knot).
   *
   * @param knot where the slope may change (finite)
   * @return the copy
   */
  public MixtureModel withPiecewise(double knot) {
    Checks.finite("knot", knot);
    return change(b -> {
      b.basis = TimeBasis.PIECEWISE;
      b.knot = OptionalDouble.of(knot);
    });
  }

  /**
   * A copy with this within-class structure: LCGA or a growth mixture model.
   *
   * @param withinClass the structure
   * @return the copy
   */
  public MixtureModel with(WithinClass withinClass) {
    Objects.requireNonNull(withinClass, "withinClass");
    return change(b -> b.withinClass = withinClass);
  }

  /**
   * A copy with residual SDs per class or common.
   *
   * @param residualVariance the choice
   * @return the copy
   */
  public MixtureModel with(ResidualVariance residualVariance) {
    Objects.requireNonNull(residualVariance, "residualVariance");
    return change(b -> b.residualVariance = residualVariance);
  }

  /**
   * A copy with random-effect covariances per class or common (GMM only).
   *
   * @param randomCovariance the choice
   * @return the copy
   */
  public MixtureModel with(RandomCovariance randomCovariance) {
    Objects.requireNonNull(randomCovariance, "randomCovariance");
    return change(b -> b.randomCovariance = randomCovariance);
  }

  /**
   * A copy with this criterion for choosing K in {@link #compare}.
   *
   * @param criterion the criterion
   * @return the copy
   */
  public MixtureModel with(SelectionCriterion criterion) {
    Objects.requireNonNull(criterion, "criterion");
    return change(b -> b.criterion = criterion);
  }

  /**
   * A copy whose class membership depends on these client-level covariates of the data
   * (multinomial logit, class 1 the reference).
   *
   * @param names covariate names as in the data (none for constant shares)
   * @return the copy
   * @throws IllegalArgumentException if a name is blank, {@code intercept} or repeated
   */
  public MixtureModel withMembershipCovariates(String... names) {
    Objects.requireNonNull(names, "names");
    List<String> list = new ArrayList<>();
    for (String n : names) {
      Checks.nonBlank("membership covariate", n);
      if (n.equals("intercept") || list.contains(n)) {
        throw new IllegalArgumentException("membership covariate " + n
            + " is reserved or listed twice");
      }
      list.add(n);
    }
    return change(b -> b.membership = List.copyOf(list));
  }

  /**
   * A copy with this number of random starts per K (K = 1 needs a single start).
   *
   * @param starts 1 to 100,000
   * @return the copy
   */
  public MixtureModel withStarts(int starts) {
    Checks.inRange("starts", starts, 1, 100_000);
    return change(b -> b.starts = starts);
  }

  /**
   * A copy carrying this many of the best short runs on to convergence (at most the number of
   * starts is used).
   *
   * @param finalStarts 1 to 100,000
   * @return the copy
   */
  public MixtureModel withFinalStarts(int finalStarts) {
    Checks.inRange("finalStarts", finalStarts, 1, 100_000);
    return change(b -> b.finalStarts = finalStarts);
  }

  /**
   * A copy with this many EM iterations in each start's short run.
   *
   * @param iterations 1 to 1,000,000
   * @return the copy
   */
  public MixtureModel withStartIterations(int iterations) {
    Checks.inRange("startIterations", iterations, 1, 1_000_000);
    return change(b -> b.startIterations = iterations);
  }

  /**
   * A copy with this iteration limit for a run (short run included; default 5,000).
   *
   * @param iterations 1 to 10,000,000
   * @return the copy
   */
  public MixtureModel withMaxIterations(int iterations) {
    Checks.inRange("maxIterations", iterations, 1, 10_000_000);
    return change(b -> b.maxIterations = iterations);
  }

  /**
   * A copy with this relative convergence tolerance: a run stops when the last log-likelihood
   * increase and Aitken's estimate of the remaining increase are at most tolerance · (1 + |ℓ|)
   * (default 1e-10).
   *
   * @param tolerance in [1e-15, 1e-2]
   * @return the copy
   */
  public MixtureModel withTolerance(double tolerance) {
    Checks.inRange("tolerance", tolerance, 1e-15, 1e-2);
    return change(b -> b.tolerance = tolerance);
  }

  /**
   * A copy that spreads the starts (and bootstrap replicates) over this many threads. The result
   * does not depend on it.
   *
   * @param threads 1 to 256
   * @return the copy
   */
  public MixtureModel withThreads(int threads) {
    Checks.inRange("threads", threads, 1, 256);
    return change(b -> b.threads = threads);
  }

  /**
   * A copy that, in {@link #compare}, also runs the parametric bootstrap likelihood-ratio test of
   * each K against K − 1 with this many replicates (0, the default, for none). Each replicate
   * refits both models with the same starts, so this multiplies the cost.
   *
   * @param replicates 0 to 10,000
   * @return the copy
   */
  public MixtureModel withBootstrapReplicates(int replicates) {
    Checks.inRange("bootstrapReplicates", replicates, 0, 10_000);
    return change(b -> b.bootstrap = replicates);
  }

  /**
   * A copy that reports classes whose share is below this as small.
   *
   * @param share in [0, 1)
   * @return the copy
   */
  public MixtureModel withSmallClassShare(double share) {
    if (!(share >= 0 && share < 1)) {
      throw new IllegalArgumentException("smallClassShare must be in [0, 1), was " + share);
    }
    return change(b -> b.smallShare = share);
  }

  /** {@return the time basis} */
  public TimeBasis basis() {
    return s.basis;
  }

  /** {@return the knot of a piecewise basis; empty for other bases} */
  public OptionalDouble knot() {
    return s.knot;
  }

  /** {@return LCGA or the GMM's random part} */
  public WithinClass withinClass() {
    return s.withinClass;
  }

  /** {@return whether residual SDs are per class or common} */
  public ResidualVariance residualVariance() {
    return s.residualVariance;
  }

  /** {@return whether random-effect covariances are per class or common} */
  public RandomCovariance randomCovariance() {
    return s.randomCovariance;
  }

  /** {@return the membership covariates} */
  public List<String> membershipCovariates() {
    return s.membership;
  }

  /** {@return the number of random starts per K} */
  public int starts() {
    return s.starts;
  }

  /** {@return the number of starts carried on to convergence} */
  public int finalStarts() {
    return s.finalStarts;
  }

  /** {@return the iterations of each short run} */
  public int startIterations() {
    return s.startIterations;
  }

  /** {@return the iteration limit of a run} */
  public int maxIterations() {
    return s.maxIterations;
  }

  /** {@return the relative convergence tolerance} */
  public double tolerance() {
    return s.tolerance;
  }

  /** {@return the number of threads} */
  public int threads() {
    return s.threads;
  }

  /** {@return the criterion for choosing K} */
  public SelectionCriterion criterion() {
    return s.criterion;
  }

  /** {@return bootstrap replicates per test (0 for none)} */
  public int bootstrapReplicates() {
    return s.bootstrap;
  }

  /** {@return the share below which a class is reported as small} */
  public double smallClassShare() {
    return s.smallShare;
  }

  /** {@return the names of the curve terms: intercept then the basis's terms} */
  public List<String> terms() {
    return design().termNames();
  }

  GrowthModel design() {
    return TrajectoryClasses.design(s.basis, s.knot);
  }

  /**
   * Fits K classes.
   *
   * @param data the data (clients with one observation are allowed)
   * @param classes K, at least 1 and at most the number of clients
   * @param rng the source of the random starts (not used for K = 1)
   * @return the fit
   * @throws IllegalArgumentException if K is out of range, the data cannot identify the curves
   *     (constant time, collinear terms, log basis with time ≤ −1), a membership covariate is
   *     missing or constant, or no start gave a proper solution (every one ended with an empty
   *     class or a collapsed residual SD)
   */
  public MixtureFit fit(GrowthData data, int classes, UniformRandomProvider rng) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(rng, "rng");
    checkClasses("classes", classes, data);
    ClientBlocks b = ClientBlocks.of(data, design(), s.membership);
    return Search.fit(this, b, classes, rng, s.threads);
  }

  /**
   * Fits K = minClasses..maxClasses and collects the criteria for choosing K (and the bootstrap
   * tests, if configured).
   *
   * @param data the data
   * @param minClasses the smallest K (≥ 1)
   * @param maxClasses the largest K (≥ minClasses, at most the number of clients)
   * @param rng the source of every random start and bootstrap replicate, drawn in order of K
   * @return the fits side by side
   * @throws IllegalArgumentException as {@link #fit}, for a range such as 5..1, or if no K in the
   *     range could be fitted
   */
  public ClassEnumeration compare(GrowthData data, int minClasses, int maxClasses,
      UniformRandomProvider rng) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(rng, "rng");
    checkClasses("minClasses", minClasses, data);
    checkClasses("maxClasses", maxClasses, data);
    if (minClasses > maxClasses) {
      throw new IllegalArgumentException("minClasses (" + minClasses
          + ") must not exceed maxClasses (" + maxClasses + ")");
    }
    ClientBlocks b = ClientBlocks.of(data, design(), s.membership);
    List<MixtureFit> fits = new ArrayList<>();
    List<FitFailure> failures = new ArrayList<>();
    for (int k = minClasses; k <= maxClasses; k++) {
      try {
        fits.add(Search.fit(this, b, k, rng, s.threads));
      } catch (Search.NoSolution e) {
        failures.add(new FitFailure(k, e.getMessage()));
      }
    }
    if (fits.isEmpty()) {
      throw new IllegalArgumentException("no number of classes from " + minClasses + " to "
          + maxClasses + " could be fitted: " + failures.get(0).reason());
    }
    List<BootstrapTest> tests = s.bootstrap == 0 ? List.of()
        : Bootstrap.tests(this, data, fits, rng);
    return new ClassEnumeration(s.criterion, fits, failures, tests);
  }

  private static void checkClasses(String name, int k, GrowthData data) {
    if (k < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + k);
    }
    if (k > data.clientCount()) {
      throw new IllegalArgumentException(name + " (" + k + ") must not exceed the number of"
          + " clients (" + data.clientCount() + "): each class needs clients");
    }
  }

  /**
   * A copy whose residual variance M-step is flexmix's (the weighted maximum-likelihood variance
   * times n / (n − p), n all rows): not an option for users, a way for the reference tests to
   * show that flexmix's fixed point differs from the MLE by this factor only.
   */
  MixtureModel withFlexmixVarianceScaling() {
    return change(b -> b.flexmixScaling = true);
  }

  double varianceScale(ClientBlocks b) {
    return s.flexmixScaling ? (double) b.rows / (b.rows - b.p) : 1;
  }

  /** A copy that runs on one thread (for work already spread over threads). */
  MixtureModel singleThreaded() {
    return s.threads == 1 ? this : withThreads(1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MixtureModel m && s.equals(m.s);
  }

  @Override
  public int hashCode() {
    return s.hashCode();
  }

  @Override
  public String toString() {
    return "MixtureModel[" + s.basis + s.knot.stream().mapToObj(k -> "(knot " + Checks.fmt(k)
        + ")").findFirst().orElse("") + ", " + s.withinClass + ", residual SD "
        + s.residualVariance + (s.withinClass == WithinClass.NONE ? ""
            : ", random covariance " + s.randomCovariance)
        + (s.membership.isEmpty() ? "" : ", membership " + s.membership) + ", " + s.starts
        + " starts (" + s.startIterations + " iterations, best " + s.finalStarts
        + " to convergence, tolerance " + s.tolerance + ", at most " + s.maxIterations
        + " iterations), " + s.threads + " thread(s), select by " + s.criterion
        + (s.bootstrap > 0 ? ", bootstrap " + s.bootstrap : "") + ", small class < "
        + s.smallShare + "]";
  }
}
