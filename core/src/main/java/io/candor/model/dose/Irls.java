package io.candor.model.dose;

import io.candor.internal.SmallCholesky;

/**
 * R's {@code glm.fit} for the binomial family with any design: iteratively reweighted least
 * squares from R's starting values {@code μ = (w·y + ½)/(w + 1)}, stopping when
 * {@code |dev − dev_old|/(|dev| + 0.1) < ε}, halving the step on a non-finite deviance, and the
 * coefficients' covariance from the weights of the last iteration. Row i stands for c[i]
 * identical observations, each with prior weight w[i] and observed proportion y[i]; the weighted
 * least-squares step is solved by a Cholesky factorisation of XᵀWX (R uses a QR decomposition of
 * √W·X: the same solution up to rounding).
 *
 * <p>Stateless; thread-safe.
 */
final class Irls {

  /** What one fit found. */
  static final class Result {
    double[] beta;
    /** (XᵀWX)⁻¹ at the last iteration, p × p row-major: the covariance, as dispersion is 1. */
    double[] covariance;
    double[] mu;
    double deviance;
    double nullDeviance;
    /** Σ c·log P(w·y successes of w | μ), the binomial log-likelihood as R's {@code aic}. */
    double logLik;
    int iterations;
    boolean converged;
    /** Some fitted μ within 10ε of 0 or 1 (R's warning "fitted probabilities numerically 0 or 1"). */
    boolean separation;
  }

  private Irls() {}

  /**
   * Fits the model.
   *
   * @param link the link
   * @param x the design, rows × p, row-major (column 0 is normally the intercept)
   * @param p number of columns
   * @param y observed proportions
   * @param w prior weights (binomial sizes)
   * @param c multiplicities
   * @param epsilon convergence tolerance on the relative change in deviance
   * @param maxIterations most iterations
   * @return the fit
   * @throws IllegalStateException if the weighted design becomes singular
   */
  static Result fit(Link link, double[] x, int p, double[] y, double[] w, double[] c,
      double epsilon, int maxIterations) {
    int k = y.length;
    double[] eta = new double[k];
    double[] mu = new double[k];
    for (int i = 0; i < k; i++) {
      double mustart = (w[i] * y[i] + 0.5) / (w[i] + 1);
      eta[i] = link.linkfun(mustart);
      mu[i] = link.linkinv(eta[i]);
    }
    double devold = deviance(y, mu, w, c);
    double[] beta = new double[p];
    double[] coefold = null;
    double[] xtwx = new double[p * p];
    double[] xtwz = new double[p];
    boolean converged = false;
    int iter;
    double dev = devold;
    for (iter = 1; iter <= maxIterations; iter++) {
      java.util.Arrays.fill(xtwx, 0);
      java.util.Arrays.fill(xtwz, 0);
      for (int i = 0; i < k; i++) {
        double me = link.muEta(eta[i]);
        double z = eta[i] + (y[i] - mu[i]) / me;
        double ww = c[i] * w[i] * me * me / (mu[i] * (1 - mu[i]));
        int o = i * p;
        for (int j = 0; j < p; j++) {
          double wx = ww * x[o + j];
          xtwz[j] += wx * z;
          for (int l = j; l < p; l++) {
            xtwx[j * p + l] += wx * x[o + l];
          }
        }
      }
      double[] chol = cholesky(xtwx, p);
      if (chol == null) {
        throw new IllegalStateException(
            "the weighted design became singular at IRLS iteration " + iter);
      }
      SmallCholesky.forward(chol, p, xtwz);
      beta = SmallCholesky.backward(chol, p, xtwz);
      linear(x, p, beta, eta, mu, link);
      dev = deviance(y, mu, w, c);
      // step halving on a non-finite deviance, as glm.fit
      int halvings = 0;
      while (!Double.isFinite(dev) && coefold != null && halvings < maxIterations) {
        for (int j = 0; j < p; j++) {
          beta[j] = (beta[j] + coefold[j]) / 2;
        }
        linear(x, p, beta, eta, mu, link);
        dev = deviance(y, mu, w, c);
        halvings++;
      }
      if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < epsilon) {
        converged = true;
        break;
      }
      devold = dev;
      coefold = beta.clone();
    }
    Result r = new Result();
    r.beta = beta;
    r.covariance = SmallCholesky.inverse(cholesky(xtwx, p), p);
    r.mu = mu;
    r.deviance = dev;
    r.iterations = Math.min(iter, maxIterations);
    r.converged = converged;
    // null deviance: the weighted mean proportion
    double sw = 0;
    double swy = 0;
    for (int i = 0; i < k; i++) {
      sw += c[i] * w[i];
      swy += c[i] * w[i] * y[i];
    }
    double wtdmu = swy / sw;
    double nullDev = 0;
    double ll = 0;
    double eps10 = 10 * Math.ulp(1.0);
    for (int i = 0; i < k; i++) {
      nullDev += c[i] * devResid(y[i], wtdmu, w[i]);
      int size = (int) Math.round(w[i]);
      int succ = (int) Math.round(w[i] * y[i]);
      ll += c[i] * org.apache.commons.statistics.distribution.BinomialDistribution.of(size, mu[i])
          .logProbability(succ);
      r.separation |= mu[i] > 1 - eps10 || mu[i] < eps10;
    }
    r.nullDeviance = nullDev;
    r.logLik = ll;
    return r;
  }

  private static void linear(double[] x, int p, double[] beta, double[] eta, double[] mu,
      Link link) {
    for (int i = 0; i < eta.length; i++) {
      double e = 0;
      int o = i * p;
      for (int j = 0; j < p; j++) {
        e += x[o + j] * beta[j];
      }
      eta[i] = e;
      mu[i] = link.linkinv(e);
    }
  }

  /** The upper Cholesky factor of XᵀWX (a copy), or null if it is (nearly) singular. */
  private static double[] cholesky(double[] a, int p) {
    double[] u = a.clone();
    double[] scale = SmallCholesky.diagonal(a, p);
    for (int j = 0; j < p; j++) {
      scale[j] = Math.abs(scale[j]);
    }
    return SmallCholesky.factor(u, p, scale, 1e-13) < 0 ? u : null;
  }

  private static double deviance(double[] y, double[] mu, double[] w, double[] c) {
    double d = 0;
    for (int i = 0; i < y.length; i++) {
      d += c[i] * devResid(y[i], mu[i], w[i]);
    }
    return d;
  }

  /** R's binomial_dev_resids. */
  private static double devResid(double y, double mu, double w) {
    return 2 * w * (yLogY(y, mu) + yLogY(1 - y, 1 - mu));
  }

  private static double yLogY(double y, double mu) {
    return y != 0 ? y * Math.log(y / mu) : 0;
  }
}
