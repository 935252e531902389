package io.candor.model.mixture;

/**
 * The parameters of a K-class mixture during fitting, in flat arrays: class trajectories
 * β (k × p), residual variances σ² (k), random-effect covariances D (k × q × q, full, row-major;
 * q = 0 for LCGA) and membership logits η (k × cw): the prior of class j for client i is
 * softmax_j(η_j · w_i) with w_i = (1, membership covariates). Without covariates η_j = log π_j.
 *
 * <p>Mutable; owned by one fitting run at a time.
 */
final class Params {

  final int k;
  final int p;
  final int q;
  final int cw;
  final double[] beta;
  final double[] sigma2;
  final double[] d;
  final double[] eta;

  Params(int k, int p, int q, int cw) {
    this.k = k;
    this.p = p;
    this.q = q;
    this.cw = cw;
    this.beta = new double[k * p];
    this.sigma2 = new double[k];
    this.d = new double[k * q * q];
    this.eta = new double[k * cw];
  }

  Params copy() {
    Params c = new Params(k, p, q, cw);
    System.arraycopy(beta, 0, c.beta, 0, beta.length);
    System.arraycopy(sigma2, 0, c.sigma2, 0, sigma2.length);
    System.arraycopy(d, 0, c.d, 0, d.length);
    System.arraycopy(eta, 0, c.eta, 0, eta.length);
    return c;
  }

  /** A copy with the classes in the given order ({@code order[new] = old}). */
  Params reorder(int[] order) {
    Params c = new Params(k, p, q, cw);
    int qq = q * q;
    for (int j = 0; j < k; j++) {
      int o = order[j];
      System.arraycopy(beta, o * p, c.beta, j * p, p);
      c.sigma2[j] = sigma2[o];
      System.arraycopy(d, o * qq, c.d, j * qq, qq);
      System.arraycopy(eta, o * cw, c.eta, j * cw, cw);
    }
    // class 1 is the reference of the membership logits
    double[] ref = new double[cw];
    System.arraycopy(c.eta, 0, ref, 0, cw);
    for (int j = 0; j < k; j++) {
      for (int a = 0; a < cw; a++) {
        c.eta[j * cw + a] -= ref[a];
      }
    }
    return c;
  }

  /**
   * The log prior probabilities of the classes for one client: log softmax_j(η_j · w), with w the
   * client's membership design (1, covariates...) at {@code w[wo..wo+cw)}.
   */
  static void logPriors(double[] eta, int k, int cw, double[] w, int wo, double[] out) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      double v = 0;
      for (int a = 0; a < cw; a++) {
        v += eta[j * cw + a] * w[wo + a];
      }
      out[j] = v;
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
      sum += Math.exp(out[j] - max);
    }
    double lse = max + Math.log(sum);
    for (int j = 0; j < k; j++) {
      out[j] -= lse;
    }
  }
}
