package io.candor.model.growth;

import java.util.Arrays;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Minimises a {@link ProfiledDeviance} over θ, as lme4 does: the diagonal entries of the relative
 * covariance factors are bounded below by 0, off-diagonal entries are free. A single θ is found by
 * a log-scale grid then Brent's method; several by BOBYQA from lme4's start (1 on the diagonal,
 * 0 off it), initial trust radius 0.2 and final {@value #FINAL_RADIUS}; if Commons Math's BOBYQA
 * fails to reduce its quadratic model (it can when the optimum lies on a bound), once more from
 * the best point seen with radius 0.02, and if that fails too the best point seen is returned as
 * not converged.
 */
final class ThetaOptimiser {

  /**
   * BOBYQA's final trust-region radius. θ is then precise to about 1e-10, so that weakly
   * identified parameters (an intercept–slope correlation) agree with lme4 run to its own tight
   * tolerance to better than 1e-6 relative.
   */
  static final double FINAL_RADIUS = 1e-10;

  /** Most criterion evaluations BOBYQA may use. */
  static final int MAX_EVALUATIONS = 20_000;

  /** A criterion to minimise over θ. */
  interface Criterion {
    /**
     * The criterion at θ (+∞ where it is undefined).
     *
     * @param theta the relative covariance factor's parameters
     * @return the criterion
     */
    double evaluate(double[] theta);
  }

  /** The optimum and how it was reached. */
  record Result(double[] theta, int evaluations, boolean converged, String message) {}

  private ThetaOptimiser() {}

  /**
   * The criterion as Commons Math's optimisers take it, counting evaluations. A class rather than
   * a lambda: the first lambda of a run sets up the JDK's method-handle machinery, and this is
   * the only one a command-line fit would otherwise create.
   */
  private static final class Counted implements MultivariateFunction, UnivariateFunction {
    private final Criterion criterion;
    int evaluations;
    /** The lowest criterion evaluated so far, and where (null before the first evaluation). */
    double bestValue = Double.POSITIVE_INFINITY;
    double[] best;

    Counted(Criterion criterion) {
      this.criterion = criterion;
    }

    @Override
    public double value(double[] theta) {
      evaluations++;
      double v = criterion.evaluate(theta);
      if (v < bestValue || best == null) {
        bestValue = v;
        best = theta.clone();
      }
      return v;
    }

    @Override
    public double value(double theta) {
      evaluations++;
      return criterion.evaluate(new double[] {theta});
    }
  }

  /**
   * Minimises the criterion.
   *
   * @param dev the criterion
   * @param lower lower bounds (0 for a diagonal entry, −∞ for an off-diagonal one)
   * @return the optimum
   */
  static Result minimise(Criterion dev, double[] lower) {
    int nTheta = lower.length;
    if (nTheta == 1) {
      double[] best = optimiseOne(dev);
      return new Result(new double[] {best[0]}, (int) best[1], true,
          "log-scale grid then Brent's method on θ (relative tolerance 1e-10)");
    }
    Counted count = new Counted(dev);
    ObjectiveFunction f = new ObjectiveFunction(count);
    double[] upper = new double[nTheta];
    Arrays.fill(upper, Double.POSITIVE_INFINITY);
    double[] start = new double[nTheta];
    for (int i = 0; i < nTheta; i++) {
      start[i] = lower[i] == 0 ? 1 : 0;
    }
    String from = "BOBYQA on θ from " + Arrays.toString(start) + ", initial trust radius 0.2, final "
        + FINAL_RADIUS;
    try {
      return new Result(bobyqa(f, start, lower, upper, 0.2), count.evaluations, true, from);
    } catch (TooManyEvaluationsException e) {
      return new Result(start, count.evaluations, false,
          "BOBYQA stopped after " + MAX_EVALUATIONS + " evaluations without converging");
    } catch (MathIllegalStateException e) {
      // Commons Math's BOBYQA can fail to reduce its quadratic model ("trust region step has
      // failed to reduce Q") when the optimum lies on a bound; that is the optimiser's failure,
      // so the search restarts from the best point seen with a tenth of the trust radius
      double[] restart = count.best == null ? start : count.best.clone();
      String why = from + "; restarted from the best point seen, initial trust radius 0.02,"
          + " after: " + e.getMessage();
      try {
        return new Result(bobyqa(f, restart, lower, upper, 0.02), count.evaluations, true, why);
      } catch (MathIllegalStateException again) {
        return new Result(count.best == null ? start : count.best.clone(), count.evaluations,
            false, why + "; the restart failed too (" + again.getMessage() + "): the best θ"
            + " seen is returned");
      }
    }
  }

  /** BOBYQA from {@code start} with this initial trust radius; returns the optimum. */
  private static double[] bobyqa(ObjectiveFunction f, double[] start, double[] lower,
      double[] upper, double radius) {
    PointValuePair pv = new BOBYQAOptimizer(2 * start.length + 1, radius, FINAL_RADIUS).optimize(
        new MaxEval(MAX_EVALUATIONS), f, GoalType.MINIMIZE, new InitialGuess(start),
        new SimpleBounds(lower, upper));
    return pv.getPoint();
  }

  /** Returns {θ, evaluations}. */
  private static double[] optimiseOne(Criterion dev) {
    int evals = 0;
    double bestT = 0;
    double bestF = dev.evaluate(new double[] {0});
    evals++;
    double[] grid = new double[41];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = Math.pow(10, -4 + 0.2 * i);
    }
    int bestI = -1;
    for (int i = 0; i < grid.length; i++) {
      double f = dev.evaluate(new double[] {grid[i]});
      evals++;
      if (f < bestF) {
        bestF = f;
        bestT = grid[i];
        bestI = i;
      }
    }
    double lo = bestI <= 0 ? 0 : grid[bestI - 1];
    double hi = bestI < 0 ? grid[0] : bestI == grid.length - 1 ? grid[bestI] * 10 : grid[bestI + 1];
    Counted count = new Counted(dev);
    UnivariatePointValuePair pv = new BrentOptimizer(1e-10, 1e-14).optimize(new MaxEval(10_000),
        new UnivariateObjectiveFunction(count), GoalType.MINIMIZE,
        new SearchInterval(lo, hi, Math.min(hi, Math.max(lo, bestT))));
    evals += count.evaluations;
    if (pv.getValue() < bestF) {
      bestT = pv.getPoint();
      bestF = pv.getValue();
    }
    // a minimum within rounding of the criterion at 0 is the boundary itself (lme4's optimisers
    // return exactly 0 there); a tiny positive θ would only add noise to τ and the BLUPs
    double atZero = dev.evaluate(new double[] {0});
    if (bestT > 0 && bestT < GrowthModel.SINGULAR_TOLERANCE
        && atZero <= bestF + 1e-12 * Math.abs(atZero)) {
      bestT = 0;
    }
    return new double[] {bestT, evals + 1};
  }
}
