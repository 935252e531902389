package io.candor.model.mixture;

import io.candor.internal.Checks;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A fitted set of latent trajectory classes: the class curves, their shares and spreads, and the
 * membership model. This is what a fit leaves behind for later use: store it (JSON through
 * {@code io.candor.json.CandorJson}) and ask, for a new client, which classes are still likely
 * and what their scores may look like.
 *
 * <pre>{@code
 * TrajectoryClasses classes = fit.model();
 * NewClient client = NewClient.of(new double[] {0, 1, 2, 3}, new double[] {18, 17, 15, 14});
 * ClassPosterior now = classes.posterior(client);        // e.g. 62 % / 30 % / 8 %
 * ClassForecast ahead = classes.forecast(client, new double[] {4, 6, 8, 12});
 * }</pre>
 *
 * <p><b>Posterior.</b> For observations y at times t, P(class j | y) ∝ π_j f_j(y), with π_j the
 * class share (or, with membership covariates, softmax_j(η_j · w)) and f_j the density of y in
 * class j: independent normals around the class curve for LCGA, the exact multivariate normal
 * with the class's random-effect covariance for GMM. No observations give the prior; one
 * observation (the intake alone) already shifts it towards the classes whose curves start near
 * that score.
 *
 * <p><b>Forecast.</b> Within class j a new observation at time t is normal: for LCGA with mean
 * x(t)ᵀβ_j and variance σ_j²; for GMM with mean x(t)ᵀβ_j + z(t)ᵀb̂_j and variance
 * z(t)ᵀV_j z(t) + σ_j², where b̂_j and V_j are the posterior mean and covariance of the client's
 * random effects given class j and the observations (with none, b̂ = 0 and V = D_j). The forecast
 * is the mixture of these normals weighted by the posterior; its quantiles are found by bisection
 * on the mixture's distribution function. Estimation uncertainty in the class parameters is not
 * included.
 *
 * <p>Immutable and thread-safe.
 */
public final class TrajectoryClasses {

  private static final double[] DEFAULT_PERCENTILES = {0.10, 0.25, 0.50, 0.75, 0.90};

  private final TimeBasis basis;
  private final OptionalDouble knot;
  private final WithinClass withinClass;
  private final ResidualVariance residualVariance;
  private final RandomCovariance randomCovariance;
  private final List<String> membershipCovariates;
  private final List<TrajectoryClass> classes;
  private final List<MembershipCoefficient> membership;
  private final GrowthModel design;

  private TrajectoryClasses(TimeBasis basis, OptionalDouble knot, WithinClass withinClass,
      ResidualVariance residualVariance, RandomCovariance randomCovariance,
      List<String> membershipCovariates, List<TrajectoryClass> classes,
      List<MembershipCoefficient> membership) {
    this.basis = basis;
    this.knot = knot;
    this.withinClass = withinClass;
    this.residualVariance = residualVariance;
    this.randomCovariance = randomCovariance;
    this.membershipCovariates = membershipCovariates;
    this.classes = classes;
    this.membership = membership;
    this.design = design(basis, knot);
  }

  /**
   * A set of classes from its parts (as stored), checked for consistency.
   *
   * @param basis the time basis
   * @param knot the knot of a piecewise basis; empty for other bases
   * @param withinClass LCGA or the GMM's random part
   * @param residualVariance whether the residual SD is per class or common
   * @param randomCovariance whether the random-effect covariance is per class or common
   * @param membershipCovariates names of the membership covariates (may be empty)
   * @param classes the classes, indices 1..K in order
   * @param membership the membership logit coefficients: for each class 2..K in order, the
   *     intercept then each covariate; empty without membership covariates
   * @return the classes
   * @throws IllegalArgumentException if the parts do not fit together: a knot with a basis other
   *     than piecewise (or none with piecewise), class terms that are not the basis's, shares not
   *     summing to 1, spreads present for LCGA or missing for GMM, unequal "common" SDs or
   *     spreads, or membership coefficients that do not match the covariates
   */
  public static TrajectoryClasses of(TimeBasis basis, OptionalDouble knot, WithinClass withinClass,
      ResidualVariance residualVariance, RandomCovariance randomCovariance,
      List<String> membershipCovariates, List<TrajectoryClass> classes,
      List<MembershipCoefficient> membership) {
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(knot, "knot");
    Objects.requireNonNull(withinClass, "withinClass");
    Objects.requireNonNull(residualVariance, "residualVariance");
    Objects.requireNonNull(randomCovariance, "randomCovariance");
    List<String> covs = List.copyOf(Checks.noNulls("membershipCovariates", membershipCovariates));
    List<TrajectoryClass> cls = List.copyOf(Checks.nonEmptyNoNulls("classes", classes));
    List<MembershipCoefficient> mem = List.copyOf(Checks.noNulls("membership", membership));
    if (basis == TimeBasis.PIECEWISE) {
      if (knot.isEmpty()) {
        throw new IllegalArgumentException("basis PIECEWISE needs a knot");
      }
      Checks.finite("knot", knot.getAsDouble());
    } else if (knot.isPresent()) {
      throw new IllegalArgumentException("only basis PIECEWISE has a knot; basis " + basis
          + " was given knot " + Checks.fmt(knot.getAsDouble()));
    }
    List<String> terms = design(basis, knot).termNames();
    double shareSum = 0;
    for (int j = 0; j < cls.size(); j++) {
      TrajectoryClass c = cls.get(j);
      if (c.index() != j + 1) {
        throw new IllegalArgumentException("classes[" + j + "] has index " + c.index()
            + "; classes must be numbered 1.." + cls.size() + " in order");
      }
      List<String> got = c.coefficients().stream().map(TermEstimate::term).toList();
      if (!got.equals(terms)) {
        throw new IllegalArgumentException("class " + c.index() + " has terms " + got
            + " but basis " + basis + " has " + terms);
      }
      if (withinClass == WithinClass.NONE && c.spread().isPresent()) {
        throw new IllegalArgumentException("class " + c.index() + " has a within-class spread but"
            + " the model is LCGA (withinClass NONE)");
      }
      if (withinClass != WithinClass.NONE && (c.spread().isEmpty()
          || c.spread().get().size() != withinClass.randomEffects())) {
        throw new IllegalArgumentException("class " + c.index() + " needs a within-class spread"
            + " with " + withinClass.randomEffects() + " random effect(s) for " + withinClass);
      }
      if (residualVariance == ResidualVariance.COMMON
          && c.residualSd() != cls.get(0).residualSd()) {
        throw new IllegalArgumentException("residualVariance is COMMON but class " + c.index()
            + " has residualSd " + c.residualSd() + " and class 1 " + cls.get(0).residualSd());
      }
      if (withinClass != WithinClass.NONE && randomCovariance == RandomCovariance.COMMON
          && !c.spread().equals(cls.get(0).spread())) {
        throw new IllegalArgumentException("randomCovariance is COMMON but class " + c.index()
            + " has spread " + c.spread().get() + " and class 1 " + cls.get(0).spread().get());
      }
      shareSum += c.share();
    }
    if (Math.abs(shareSum - 1) > 1e-9) {
      throw new IllegalArgumentException("class shares must sum to 1, sum to " + shareSum);
    }
    Set<String> seen = new HashSet<>();
    for (String name : covs) {
      Checks.nonBlank("membership covariate", name);
      if (name.equals("intercept") || !seen.add(name)) {
        throw new IllegalArgumentException("membership covariate " + name
            + " is reserved or repeated");
      }
    }
    int cw = 1 + covs.size();
    int expected = covs.isEmpty() ? 0 : (cls.size() - 1) * cw;
    if (mem.size() != expected) {
      throw new IllegalArgumentException("membership must have " + expected + " coefficients ("
          + (covs.isEmpty() ? "none without membership covariates"
              : "intercept and " + covs + " for classes 2.." + cls.size()) + "), has "
          + mem.size());
    }
    for (int i = 0; i < mem.size(); i++) {
      MembershipCoefficient mc = mem.get(i);
      int cls2 = 2 + i / cw;
      String term = i % cw == 0 ? "intercept" : covs.get(i % cw - 1);
      if (mc.classIndex() != cls2 || !mc.term().equals(term)) {
        throw new IllegalArgumentException("membership[" + i + "] must be class " + cls2 + " term "
            + term + ", was class " + mc.classIndex() + " term " + mc.term());
      }
    }
    return new TrajectoryClasses(basis, knot, withinClass, residualVariance, randomCovariance,
        covs, cls, mem);
  }

  /** Builds the stored form from fitted parameters (intercepts shifted back by {@code shift}). */
  static TrajectoryClasses from(MixtureModel model, Params th, double shift, double[] shares) {
    GrowthModel d = design(model.basis(), model.knot());
    List<String> terms = d.termNames();
    int k = th.k;
    int p = th.p;
    int q = th.q;
    List<TrajectoryClass> cls = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      List<TermEstimate> co = new ArrayList<>(p);
      for (int a = 0; a < p; a++) {
        co.add(new TermEstimate(terms.get(a), th.beta[j * p + a] + (a == 0 ? shift : 0)));
      }
      Optional<WithinClassSpread> spread = q == 0 ? Optional.empty()
          : Optional.of(WithinClassSpread.fromCovariance(th.d, j * q * q, q));
      cls.add(new TrajectoryClass(j + 1, shares[j], co, Math.sqrt(th.sigma2[j]), spread));
    }
    List<MembershipCoefficient> mem = new ArrayList<>();
    List<String> covs = model.membershipCovariates();
    if (!covs.isEmpty()) {
      for (int j = 1; j < k; j++) {
        for (int a = 0; a < th.cw; a++) {
          mem.add(new MembershipCoefficient(j + 1, a == 0 ? "intercept" : covs.get(a - 1),
              th.eta[j * th.cw + a]));
        }
      }
    }
    return new TrajectoryClasses(model.basis(), model.knot(), model.withinClass(),
        model.residualVariance(), model.randomCovariance(), covs, List.copyOf(cls),
        List.copyOf(mem));
  }

  static GrowthModel design(TimeBasis basis, OptionalDouble knot) {
    return basis == TimeBasis.PIECEWISE
        ? GrowthModel.withDefaults().withPiecewise(knot.orElseThrow())
        : GrowthModel.withDefaults().with(basis);
  }

  /**
   * The parameters in the fitter's arrays, for data whose outcome was centred on {@code shift}.
   * Without covariates the priors are the shares.
   */
  Params params(double shift) {
    int k = classes.size();
    int p = design.termNames().size();
    int q = withinClass.randomEffects();
    int cw = 1 + membershipCovariates.size();
    Params th = new Params(k, p, q, cw);
    for (int j = 0; j < k; j++) {
      TrajectoryClass c = classes.get(j);
      for (int a = 0; a < p; a++) {
        th.beta[j * p + a] = c.coefficients().get(a).estimate() - (a == 0 ? shift : 0);
      }
      th.sigma2[j] = c.residualSd() * c.residualSd();
      if (q > 0) {
        System.arraycopy(c.spread().orElseThrow().covariance(), 0, th.d, j * q * q, q * q);
      }
      if (cw == 1) {
        th.eta[j] = c.share() > 0 ? Math.log(c.share()) : Double.NEGATIVE_INFINITY;
      }
    }
    for (int i = 0; i < membership.size(); i++) {
      th.eta[cw + i] = membership.get(i).estimate();
    }
    return th;
  }

  GrowthModel design() {
    return design;
  }

  /** {@return the time basis} */
  public TimeBasis basis() {
    return basis;
  }

  /** {@return the knot of a piecewise basis; empty for other bases} */
  public OptionalDouble knot() {
    return knot;
  }

  /** {@return LCGA ({@code NONE}) or the GMM's random part} */
  public WithinClass withinClass() {
    return withinClass;
  }

  /** {@return whether the residual SD is per class or common} */
  public ResidualVariance residualVariance() {
    return residualVariance;
  }

  /** {@return whether the random-effect covariance is per class or common (GMM only)} */
  public RandomCovariance randomCovariance() {
    return randomCovariance;
  }

  /** {@return the membership covariates' names (empty when membership is a constant share)} */
  public List<String> membershipCovariates() {
    return membershipCovariates;
  }

  /** {@return the classes, class 1 first} */
  public List<TrajectoryClass> classes() {
    return classes;
  }

  /** {@return the number of classes K} */
  public int size() {
    return classes.size();
  }

  /**
   * One class.
   *
   * @param index 1..K
   * @return the class
   * @throws IllegalArgumentException if there is no such class
   */
  public TrajectoryClass trajectoryClass(int index) {
    Checks.inRange("class index", index, 1, classes.size());
    return classes.get(index - 1);
  }

  /** {@return the membership logit coefficients (classes 2..K against class 1)} */
  public List<MembershipCoefficient> membership() {
    return membership;
  }

  /** {@return the names of the curve terms, as in the classes' coefficients} */
  public List<String> terms() {
    return design.termNames();
  }

  /**
   * The number of free parameters: K curves of p coefficients, the residual SDs (K or 1), the
   * random-effect covariances (K or 1 times 1 or 3) and the membership model (K − 1 shares, or
   * (K − 1)(1 + covariates) logit coefficients).
   *
   * @return the count
   */
  public int parameterCount() {
    int k = classes.size();
    int count = k * design.termNames().size();
    count += residualVariance == ResidualVariance.PER_CLASS ? k : 1;
    int cov = withinClass.covarianceParameters();
    count += randomCovariance == RandomCovariance.PER_CLASS ? k * cov : cov;
    count += (k - 1) * (1 + membershipCovariates.size());
    return count;
  }

  /**
   * The curve of a class at a time: x(t)ᵀβ.
   *
   * @param classIndex 1..K
   * @param time the time (finite; > −1 for the log basis)
   * @return the class's expected score at that time
   */
  public double mean(int classIndex, double time) {
    TrajectoryClass c = trajectoryClass(classIndex);
    double[] x = designRow(time, "time");
    double v = 0;
    for (int a = 0; a < x.length; a++) {
      v += x[a] * c.coefficients().get(a).estimate();
    }
    return v;
  }

  private double[] designRow(double time, String name) {
    Checks.finite(name, time);
    if (basis == TimeBasis.LOG && !(time > -1)) {
      throw new IllegalArgumentException(name + " must be > -1 for the log basis (log(time + 1)),"
          + " was " + Checks.fmt(time));
    }
    double[] x = new double[design.termNames().size()];
    design.designRow(time, new double[0], x);
    return x;
  }

  /**
   * The class probabilities of a new client given their observations (none, the intake alone, or
   * any number) and membership covariates.
   *
   * @param client the client
   * @return the posterior class probabilities
   * @throws IllegalArgumentException if a membership covariate is missing or unknown, or a time
   *     is not allowed by the basis
   */
  public ClassPosterior posterior(NewClient client) {
    return evaluate(client).posterior;
  }

  /**
   * The forecast at these times, with bands at the 10th, 25th, 50th, 75th and 90th percentiles.
   *
   * @param client the client
   * @param times the times to forecast (finite; may include times already observed)
   * @return the forecast
   * @throws IllegalArgumentException as {@link #posterior(NewClient)}, or for a bad time
   */
  public ClassForecast forecast(NewClient client, double[] times) {
    return forecast(client, times, DEFAULT_PERCENTILES);
  }

  /**
   * The forecast at these times, with bands at these percentiles.
   *
   * @param client the client
   * @param times the times to forecast (finite; may include times already observed)
   * @param percentiles each strictly between 0 and 1 (sorted ascending in the result)
   * @return the forecast
   * @throws IllegalArgumentException as {@link #posterior(NewClient)}, or for a bad time or
   *     percentile
   */
  public ClassForecast forecast(NewClient client, double[] times, double... percentiles) {
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(percentiles, "percentiles");
    double[] ps = percentiles.clone();
    for (int i = 0; i < ps.length; i++) {
      Checks.openUnit("percentiles[" + i + "]", ps[i]);
    }
    Arrays.sort(ps);
    for (int i = 0; i < times.length; i++) {
      designRow(times[i], "times[" + i + "]");
    }
    Evaluation e = evaluate(client);
    int k = classes.size();
    int q = withinClass.randomEffects();
    List<ForecastPoint> points = new ArrayList<>(times.length);
    double[] mu = new double[k];
    double[] sd = new double[k];
    double[] prob = new double[k];
    for (int j = 0; j < k; j++) {
      prob[j] = e.posterior.probabilities().get(j);
    }
    for (double t : times) {
      double[] x = designRow(t, "time");
      double mean = 0;
      List<ClassPoint> per = new ArrayList<>(k);
      double[] var = new double[k];
      for (int j = 0; j < k; j++) {
        double m = 0;
        for (int a = 0; a < x.length; a++) {
          m += x[a] * e.params.beta[j * x.length + a];
        }
        double v = e.params.sigma2[j];
        if (q > 0) {
          double[] z = q == 1 ? new double[] {1} : new double[] {1, x[1]};
          double[] bm = e.randomMeans[j];
          double[] vb = e.randomCovariances[j];
          for (int a = 0; a < q; a++) {
            m += z[a] * bm[a];
            for (int c = 0; c < q; c++) {
              v += z[a] * vb[a * q + c] * z[c];
            }
          }
        }
        mu[j] = m;
        var[j] = v;
        sd[j] = Math.sqrt(v);
        mean += prob[j] * m;
        per.add(new ClassPoint(j + 1, prob[j], m, sd[j]));
      }
      double total = 0;
      for (int j = 0; j < k; j++) {
        double dm = mu[j] - mean;
        total += prob[j] * (var[j] + dm * dm);
      }
      total = Math.sqrt(total);
      List<Double> qs = new ArrayList<>(ps.length);
      for (double pc : ps) {
        qs.add(mixtureQuantile(pc, prob, mu, sd));
      }
      points.add(new ForecastPoint(t, mean, total, qs, per));
    }
    List<Double> pcs = new ArrayList<>(ps.length);
    for (double pc : ps) {
      pcs.add(pc);
    }
    return new ClassForecast(e.posterior, pcs, points);
  }

  /** The p-quantile of Σ w_j N(μ_j, s_j²), by bisection to a relative 1e-12. */
  static double mixtureQuantile(double pc, double[] w, double[] mu, double[] sd) {
    NormalDistribution z = NormalDistribution.of(0, 1);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < w.length; j++) {
      if (w[j] > 0) {
        lo = Math.min(lo, mu[j] + sd[j] * z.inverseCumulativeProbability(pc));
        hi = Math.max(hi, mu[j] + sd[j] * z.inverseCumulativeProbability(pc));
      }
    }
    // the mixture quantile lies between the smallest and largest component quantile
    if (lo == hi) {
      return lo;
    }
    for (int it = 0; it < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(lo) + Math.abs(hi)); it++) {
      double mid = 0.5 * (lo + hi);
      double f = 0;
      for (int j = 0; j < w.length; j++) {
        if (w[j] > 0) {
          f += w[j] * z.cumulativeProbability((mid - mu[j]) / sd[j]);
        }
      }
      if (f < pc) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /** The E-step for one new client. */
  private Evaluation evaluate(NewClient client) {
    Objects.requireNonNull(client, "client");
    for (String name : client.covariates().keySet()) {
      if (!membershipCovariates.contains(name)) {
        throw new IllegalArgumentException("the model has no membership covariate " + name
            + "; it has " + membershipCovariates);
      }
    }
    double[] w = new double[1 + membershipCovariates.size()];
    w[0] = 1;
    for (int a = 0; a < membershipCovariates.size(); a++) {
      Double v = client.covariates().get(membershipCovariates.get(a));
      if (v == null) {
        throw new IllegalArgumentException("membership covariate " + membershipCovariates.get(a)
            + " has no value for the client; set it with withCovariate");
      }
      w[1 + a] = v;
    }
    double[] t = client.times();
    for (int i = 0; i < t.length; i++) {
      designRow(t[i], "times[" + i + "]");
    }
    ClientBlocks one = ClientBlocks.single(design, t, client.scores(), w);
    Params th = params(0);
    int k = classes.size();
    int q = withinClass.randomEffects();
    Em em = new Em(one, k, q, true, true, 0);
    em.estep(th);
    List<Double> probs = new ArrayList<>(k);
    double sum = 0;
    for (int j = 0; j < k; j++) {
      sum += em.tau[j];
    }
    for (int j = 0; j < k; j++) {
      probs.add(em.tau[j] / sum);
    }
    double[][] means = new double[k][];
    double[][] covs = new double[k][];
    if (q > 0) {
      for (int j = 0; j < k; j++) {
        means[j] = em.randomMean(j);
        covs[j] = em.randomCovariance(th, j);
      }
    }
    return new Evaluation(new ClassPosterior(probs, client.size()), th, means, covs);
  }

  private record Evaluation(ClassPosterior posterior, Params params, double[][] randomMeans,
      double[][] randomCovariances) {}

  @Override
  public boolean equals(Object o) {
    return o instanceof TrajectoryClasses c && basis == c.basis && knot.equals(c.knot)
        && withinClass == c.withinClass && residualVariance == c.residualVariance
        && randomCovariance == c.randomCovariance
        && membershipCovariates.equals(c.membershipCovariates) && classes.equals(c.classes)
        && membership.equals(c.membership);
  }

  @Override
  public int hashCode() {
    return Objects.hash(basis, knot, withinClass, residualVariance, randomCovariance,
        membershipCovariates, classes, membership);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(classes.size()).append(classes.size() == 1 ? " trajectory class" : " trajectory classes")
        .append(" (").append(withinClass == WithinClass.NONE ? "LCGA" : "GMM, " + withinClass)
        .append(", basis ").append(basis);
    knot.ifPresent(v -> sb.append(" knot ").append(Checks.fmt(v)));
    sb.append(")");
    for (TrajectoryClass c : classes) {
      sb.append(String.format(java.util.Locale.ROOT, "%n  class %d: share %.3f,", c.index(),
          c.share()));
      for (TermEstimate te : c.coefficients()) {
        sb.append(String.format(java.util.Locale.ROOT, " %s %.4g", te.term(), te.estimate()));
      }
      sb.append(String.format(java.util.Locale.ROOT, ", residual SD %.4g", c.residualSd()));
      c.spread().ifPresent(s -> {
        sb.append(String.format(java.util.Locale.ROOT, ", intercept SD %.4g", s.interceptSd()));
        s.slopeSd().ifPresent(v -> sb.append(String.format(java.util.Locale.ROOT,
            ", slope SD %.4g", v)));
      });
    }
    return sb.toString();
  }
}
