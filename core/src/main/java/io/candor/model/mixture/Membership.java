package io.candor.model.mixture;

import java.util.Arrays;

/**
 * The membership part of the M-step with covariates: maximises
 * Q(η) = Σ_i Σ_j τ_ij log π_ij, π_ij = softmax_j(η_j · w_i), over η with class 1 as the
 * reference (η_1 = 0), by Newton's method with step halving. Q is concave, so Newton from the
 * previous η converges in a few steps; each step never lowers Q, which keeps EM monotone even if
 * the iteration limit stops it early (a generalised EM step).
 *
 * <p>Not thread-safe (scratch arrays).
 */
final class Membership {

  private static final int MAX_NEWTON = 50;

  private final ClientBlocks b;
  private final int k;
  private final int cw;
  private final int dim;
  private final double[] grad;
  private final double[] hess;
  private final double[] step;
  private final double[] trial;
  private final double[] pi;

  Membership(ClientBlocks b, int k) {
    this.b = b;
    this.k = k;
    this.cw = b.cw;
    this.dim = (k - 1) * cw;
    this.grad = new double[dim];
    this.hess = new double[dim * dim];
    this.step = new double[dim];
    this.trial = new double[k * cw];
    this.pi = new double[k];
  }

  /** Improves {@code eta} (k × cw, first row zero) for the posteriors {@code tau} (m × k). */
  void maximise(double[] tau, double[] eta) {
    if (k == 1) {
      return;
    }
    double q = objective(tau, eta, true);
    for (int it = 0; it < MAX_NEWTON; it++) {
      System.arraycopy(grad, 0, step, 0, dim);
      double[] h = hess.clone();
      if (!Dense.cholesky(h, dim, 1e-12)) {
        double tr = 0;
        for (int a = 0; a < dim; a++) {
          tr += hess[a * dim + a];
        }
        h = hess.clone();
        for (int a = 0; a < dim; a++) {
          h[a * dim + a] += 1e-8 * tr / dim + 1e-300;
        }
        if (!Dense.cholesky(h, dim, 0)) {
          return;
        }
      }
      Dense.cholSolve(h, dim, step);
      double decrement = 0;
      for (int a = 0; a < dim; a++) {
        decrement += grad[a] * step[a];
      }
      if (!(decrement > 1e-12 * (1 + Math.abs(q)))) {
        return;
      }
      double scale = 1;
      boolean improved = false;
      for (int halving = 0; halving < 40; halving++) {
        System.arraycopy(eta, 0, trial, 0, k * cw);
        for (int j = 1; j < k; j++) {
          for (int a = 0; a < cw; a++) {
            trial[j * cw + a] += scale * step[(j - 1) * cw + a];
          }
        }
        double qt = objective(tau, trial, false);
        if (qt >= q) {
          improved = true;
          break;
        }
        scale /= 2;
      }
      if (!improved) {
        return;
      }
      System.arraycopy(trial, 0, eta, 0, k * cw);
      q = objective(tau, eta, true);
    }
  }

  /** Q(η); with {@code derivatives} also the gradient and the negative Hessian. */
  private double objective(double[] tau, double[] eta, boolean derivatives) {
    if (derivatives) {
      Arrays.fill(grad, 0);
      Arrays.fill(hess, 0);
    }
    double[] w = b.w;
    double q = 0;
    for (int i = 0; i < b.m; i++) {
      int wo = i * cw;
      Params.logPriors(eta, k, cw, w, wo, pi);
      int to = i * k;
      for (int j = 0; j < k; j++) {
        double lp = pi[j];
        double t = tau[to + j];
        if (t > 0) {
          q += t * lp;
        }
        pi[j] = Math.exp(lp);
      }
      if (!derivatives) {
        continue;
      }
      for (int j = 1; j < k; j++) {
        double r = tau[to + j] - pi[j];
        int go = (j - 1) * cw;
        for (int a = 0; a < cw; a++) {
          grad[go + a] += r * w[wo + a];
        }
        for (int l = j; l < k; l++) {
          double c = pi[j] * ((j == l ? 1 : 0) - pi[l]);
          if (c == 0) {
            continue;
          }
          int lo = (l - 1) * cw;
          for (int a = 0; a < cw; a++) {
            double ca = c * w[wo + a];
            for (int bb = 0; bb < cw; bb++) {
              hess[(go + a) * dim + lo + bb] += ca * w[wo + bb];
            }
          }
        }
      }
    }
    if (derivatives) {
      for (int r = 0; r < dim; r++) {
        for (int c = 0; c < r; c++) {
          hess[r * dim + c] = hess[c * dim + r];
        }
      }
    }
    return q;
  }
}
