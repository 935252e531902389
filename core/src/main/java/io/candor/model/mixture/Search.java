package io.candor.model.mixture;

import io.candor.model.Convergence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One K: random starts, short runs, the best to convergence, then the solution in Candor's class
 * order with its diagnostics.
 */
final class Search {

  /** Relative log-likelihood difference within which a run counts as reaching the best. */
  static final double REPLICATION = 1e-6;
  /** Residual SD below this share of the pooled residual SD: a collapsed class. */
  static final double ZERO_SD = 1e-3;
  /**
   * Random-effect SD below this multiple of the residual SD: practically no spread, at or near
   * the boundary. EM approaches a variance of zero slowly and stops near it, so the threshold is
   * a share of the residual SD (5 %: a variance ratio of 0.25 %) rather than lme4's 1e-4 on an
   * exactly optimised factor.
   */
  static final double ZERO_RANDOM = 0.05;
  /** Curves and SDs within this share of the pooled residual SD at every time: indistinct. */
  static final double INDISTINCT = 1e-3;

  /** No start gave a proper solution for this K. */
  static final class NoSolution extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    NoSolution(String message) {
      super(message);
    }
  }

  private Search() {}

  static MixtureFit fit(MixtureModel model, ClientBlocks b, int k, UniformRandomProvider rng,
      int threads) {
    int q = model.withinClass().randomEffects();
    boolean perSigma = model.residualVariance() == ResidualVariance.PER_CLASS;
    boolean perD = model.randomCovariance() == RandomCovariance.PER_CLASS;
    Supplier<Em> engine = () -> {
      Em em = new Em(b, k, q, perSigma, perD, model.tolerance());
      em.varianceScale = model.varianceScale(b);
      return em;
    };
    Starts starts = new Starts(b, q);
    Params[] init = k == 1 ? new Params[] {starts.single()}
        : starts.draw(model.starts(), k, rng);
    int shortIters = Math.min(model.startIterations(), model.maxIterations());
    List<Em.Run> first = Parallel.map(init.length, threads, engine,
        (em, i) -> em.run(init[i], shortIters));
    Integer[] order = new Integer[init.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -first.get(i).logLik())
        .thenComparingInt(i -> i));
    List<Integer> candidates = new ArrayList<>();
    Map<Em.Failure, Integer> failures = new EnumMap<>(Em.Failure.class);
    for (int i : order) {
      Em.Run r = first.get(i);
      if (r.failure() == null) {
        candidates.add(i);
      } else {
        failures.merge(r.failure(), 1, Integer::sum);
      }
    }
    int finalCount = Math.min(model.finalStarts(), init.length);
    List<Em.Run> finals = new ArrayList<>();
    int remaining = model.maxIterations() - shortIters;
    for (int from = 0; from < candidates.size() && finals.isEmpty(); from += finalCount) {
      List<Integer> batch = candidates.subList(from, Math.min(candidates.size(), from + finalCount));
      List<Em.Run> runs = Parallel.map(batch.size(), threads, engine, (em, i) -> {
        Em.Run r = first.get(batch.get(i));
        if (r.converged() || remaining <= 0) {
          return r;
        }
        Em.Run more = em.runAccelerated(r.params(), remaining);
        return new Em.Run(more.params(), more.logLik(), r.iterations() + more.iterations(),
            more.converged(), more.failure(), r.decreases() + more.decreases());
      });
      for (Em.Run r : runs) {
        if (r.failure() == null) {
          finals.add(r);
        } else {
          failures.merge(r.failure(), 1, Integer::sum);
        }
      }
    }
    if (finals.isEmpty()) {
      throw new NoSolution(noSolution(k, init.length, failures, perSigma));
    }
    finals.sort(Comparator.comparingDouble((Em.Run r) -> -r.logLik()));
    Em.Run best = finals.get(0);
    double tolRep = REPLICATION * (1 + Math.abs(best.logLik()));
    int replicated = 0;
    List<Double> finalLls = new ArrayList<>();
    for (Em.Run r : finals) {
      finalLls.add(r.logLik());
      if (best.logLik() - r.logLik() <= tolRep) {
        replicated++;
      }
    }
    int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
    StartSummary summary = new StartSummary(init.length, finals.size(), failed, replicated,
        finalLls);
    return solution(model, b, best, summary, finals);
  }

  private static String noSolution(int k, int starts, Map<Em.Failure, Integer> failures,
      boolean perSigma) {
    List<String> parts = new ArrayList<>();
    failures.forEach((f, n) -> parts.add(n + switch (f) {
      case EMPTY_CLASS -> " ended with an empty class";
      case ZERO_RESIDUAL_SD -> " with a residual SD collapsing to zero";
      case NON_FINITE -> " with a non-finite log-likelihood";
    }));
    return (starts == 1 ? "the only start" : "none of the " + starts + " starts")
        + " gave a proper " + k + "-class solution (" + String.join(", ", parts) + "): the data"
        + " do not support " + k + (k == 1 ? " class" : " classes")
        + (perSigma ? " with a residual SD per class" : "");
  }

  /** Orders the classes, computes the posteriors at the final parameters and the diagnostics. */
  static MixtureFit solution(MixtureModel model, ClientBlocks b, Em.Run best,
      StartSummary summary, List<Em.Run> finals) {
    Params raw = best.params();
    int k = raw.k;
    int p = raw.p;
    Integer[] idx = new Integer[k];
    for (int j = 0; j < k; j++) {
      idx[j] = j;
    }
    int slope = 1;
    Arrays.sort(idx, Comparator.comparingDouble((Integer j) -> raw.beta[j * p + slope])
        .thenComparingDouble(j -> raw.beta[j * p]).thenComparingInt(j -> j));
    int[] order = new int[k];
    for (int j = 0; j < k; j++) {
      order[j] = idx[j];
    }
    Params th = raw.reorder(order);
    int q = th.q;
    Em em = new Em(b, k, q, true, true, 0);
    double ll = em.estep(th);
    double[] tau = em.tau;
    int m = b.m;
    double[] shares = meanPriors(b, th);
    int[] counts = new int[k];
    double[] postSum = new double[k];
    double[] rowsByClass = new double[k];
    double entropy = 0;
    double modalLog = 0;
    for (int i = 0; i < m; i++) {
      int c = ClientPosteriors.modal(tau, i, k);
      counts[c]++;
      postSum[c] += tau[i * k + c];
      modalLog += Math.log(tau[i * k + c]);
      for (int j = 0; j < k; j++) {
        double t = tau[i * k + j];
        if (t > 0) {
          entropy -= t * Math.log(t);
        }
        rowsByClass[j] += t * b.n(i);
      }
    }
    List<ClassSummary> summaries = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      summaries.add(new ClassSummary(j + 1, counts[j], counts[j] == 0 ? OptionalDouble.empty()
          : OptionalDouble.of(Math.min(1, postSum[j] / counts[j]))));
    }
    TrajectoryClasses classes = TrajectoryClasses.from(model, th, b.yMean, shares);
    String message = best.converged()
        ? "EM with exact M-steps converged after " + best.iterations() + " iterations (last"
            + " log-likelihood increase and Aitken's estimate of the remaining increase at most "
            + model.tolerance() + " * (1 + |logLik|))"
        : "EM stopped at the iteration limit (" + best.iterations() + ") before converging";
    Convergence conv = new Convergence(best.converged(), best.iterations(), -2 * ll, message);
    List<Degeneracy> degeneracies = degeneracies(model, b, th, classes, counts, rowsByClass,
        best, summary, finals);
    return new MixtureFit(classes, m, (int) b.rows, ll, Math.max(0, entropy),
        Math.min(0, modalLog), summaries, summary, conv, degeneracies);
  }

  /** The mean over clients of each class's prior probability (the mixing proportion). */
  private static double[] meanPriors(ClientBlocks b, Params th) {
    int k = th.k;
    double[] out = new double[k];
    double[] a = new double[k];
    int rowsUsed = th.cw == 1 ? 1 : b.m;
    for (int i = 0; i < rowsUsed; i++) {
      Params.logPriors(th.eta, k, th.cw, b.w, i * th.cw, a);
      for (int j = 0; j < k; j++) {
        out[j] += Math.exp(a[j]);
      }
    }
    double total = 0;
    for (int j = 0; j < k; j++) {
      out[j] /= rowsUsed;
      total += out[j];
    }
    for (int j = 0; j < k; j++) {
      out[j] /= total;
    }
    return out;
  }

  private static List<Degeneracy> degeneracies(MixtureModel model, ClientBlocks b, Params th,
      TrajectoryClasses classes, int[] counts, double[] rowsByClass, Em.Run best,
      StartSummary summary, List<Em.Run> finals) {
    List<Degeneracy> out = new ArrayList<>();
    int k = th.k;
    int p = th.p;
    int q = th.q;
    double pooled = 0;
    double rowsTotal = 0;
    for (int j = 0; j < k; j++) {
      pooled += rowsByClass[j] * th.sigma2[j];
      rowsTotal += rowsByClass[j];
    }
    double pooledSd = Math.sqrt(pooled / rowsTotal);
    for (int j = 0; j < k; j++) {
      TrajectoryClass c = classes.classes().get(j);
      OptionalInt at = OptionalInt.of(j + 1);
      if (counts[j] == 0) {
        out.add(new Degeneracy(Degeneracy.Kind.EMPTY_CLASS, at, String.format(Locale.ROOT,
            "no client has class %d as its most likely class (share %.4g)", j + 1, c.share())));
      } else if (c.share() < model.smallClassShare()) {
        out.add(new Degeneracy(Degeneracy.Kind.SMALL_CLASS, at, String.format(Locale.ROOT,
            "class %d has share %.4g (%d client%s most likely in it), below %.4g", j + 1,
            c.share(), counts[j], counts[j] == 1 ? "" : "s", model.smallClassShare())));
      }
      if (model.residualVariance() == ResidualVariance.PER_CLASS
          && c.residualSd() < ZERO_SD * pooledSd) {
        out.add(new Degeneracy(Degeneracy.Kind.ZERO_RESIDUAL_SD, at, String.format(Locale.ROOT,
            "class %d has residual SD %.4g, below %.1g of the pooled residual SD %.4g", j + 1,
            c.residualSd(), ZERO_SD, pooledSd)));
      }
      boolean perD = model.randomCovariance() == RandomCovariance.PER_CLASS;
      if (q > 0 && (perD || j == 0)) {
        WithinClassSpread s = c.spread().orElseThrow();
        List<String> zero = new ArrayList<>();
        if (s.interceptSd() < ZERO_RANDOM * c.residualSd()) {
          zero.add("intercept SD " + String.format(Locale.ROOT, "%.3g", s.interceptSd()));
        }
        if (s.slopeSd().isPresent() && s.slopeSd().getAsDouble() < ZERO_RANDOM * c.residualSd()) {
          zero.add("slope SD " + String.format(Locale.ROOT, "%.3g", s.slopeSd().getAsDouble()));
        }
        if (!zero.isEmpty()) {
          out.add(new Degeneracy(Degeneracy.Kind.ZERO_RANDOM_VARIANCE,
              perD ? at : OptionalInt.empty(), (perD ? "class " + (j + 1) : "the common")
                  + " random-effect covariance is on the boundary: " + String.join(", ", zero)
                  + " (below " + ZERO_RANDOM + " times the residual SD): practically no"
                  + " between-client spread; a model without it may do"));
        }
      }
    }
    double[] x = new double[p];
    double[] none = new double[0];
    for (int a = 0; a < k; a++) {
      for (int c = a + 1; c < k; c++) {
        double worst = 0;
        for (double t : b.curveTimes) {
          b.design.designRow(t, none, x);
          double ma = 0;
          double mc = 0;
          for (int r = 0; r < p; r++) {
            ma += x[r] * th.beta[a * p + r];
            mc += x[r] * th.beta[c * p + r];
          }
          double sa = Math.sqrt(marginalVariance(th, a, x));
          double sc = Math.sqrt(marginalVariance(th, c, x));
          worst = Math.max(worst, Math.max(Math.abs(ma - mc), Math.abs(sa - sc)));
        }
        if (worst <= INDISTINCT * pooledSd) {
          out.add(new Degeneracy(Degeneracy.Kind.INDISTINCT_CLASSES, OptionalInt.of(a + 1),
              String.format(Locale.ROOT, "classes %d and %d have the same curve and spread (they"
                  + " differ by at most %.3g at the observed times, pooled residual SD %.4g):"
                  + " fewer distinct trajectories than classes", a + 1, c + 1, worst, pooledSd)));
        }
      }
    }
    if (!best.converged()) {
      out.add(new Degeneracy(Degeneracy.Kind.NOT_CONVERGED, OptionalInt.empty(),
          "the best run stopped at the iteration limit (" + best.iterations()
              + ") before converging; raise maxIterations"));
    }
    if (k > 1 && summary.finalStarts() > 1 && summary.bestReplicated() == 1) {
      out.add(new Degeneracy(Degeneracy.Kind.BEST_NOT_REPLICATED, OptionalInt.empty(),
          String.format(Locale.ROOT, "only 1 of %d final runs reached the best log-likelihood"
              + " %.6f (the next best: %.6f); try more starts", summary.finalStarts(),
              finals.get(0).logLik(), finals.get(1).logLik())));
    }
    return out;
  }

  /** Var(y) at design row x in class j: σ² + zᵀDz. */
  private static double marginalVariance(Params th, int j, double[] x) {
    double v = th.sigma2[j];
    int q = th.q;
    if (q == 1) {
      v += th.d[j];
    } else if (q == 2) {
      int o = j * 4;
      v += th.d[o] + 2 * x[1] * th.d[o + 1] + x[1] * x[1] * th.d[o + 3];
    }
    return v;
  }
}
