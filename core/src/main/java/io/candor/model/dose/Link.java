package io.candor.model.dose;

import io.candor.internal.Enums;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The link between the linear predictor {@code η = b0 + b1·log(sessions)} and the proportion
 * improved {@code μ}, computed as R's {@code binomial(link = ...)} family does (including its
 * clamping of extreme {@code η}, so that fits agree with {@code glm} to rounding).
 *
 * <p>Immutable and thread-safe.
 */
public enum Link {
  /** {@code μ = Φ(η)}, the standard normal distribution function (Howard et al. 1986). */
  PROBIT {
    @Override
    double linkfun(double mu) {
      return NORMAL.inverseCumulativeProbability(mu);
    }

    @Override
    double linkinv(double eta) {
      double e = Math.min(Math.max(eta, -PROBIT_THRESH), PROBIT_THRESH);
      return NORMAL.cumulativeProbability(e);
    }

    @Override
    double muEta(double eta) {
      return Math.max(NORMAL.density(eta), EPS);
    }
  },
  /** {@code μ = 1/(1 + e^−η)}, the logistic function. */
  LOGIT {
    @Override
    double linkfun(double mu) {
      return Math.log(mu / (1 - mu));
    }

    @Override
    double linkinv(double eta) {
      double t = eta < -30 ? EPS : (eta > 30 ? 1 / EPS : Math.exp(eta));
      return t / (1 + t);
    }

    @Override
    double muEta(double eta) {
      double op = 1 + Math.exp(eta);
      return (eta > 30 || eta < -30) ? EPS : Math.exp(eta) / (op * op);
    }
  };

  private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);
  private static final double EPS = Math.ulp(1.0);
  /** R: {@code -qnorm(.Machine$double.eps)}. */
  private static final double PROBIT_THRESH = -NORMAL.inverseCumulativeProbability(EPS);

  /**
   * Parses {@code "probit"} or {@code "logit"} (any case).
   *
   * @param text {@code "probit"} or {@code "logit"}
   * @return the link
   * @throws IllegalArgumentException naming the allowed values
   */
  public static Link parse(String text) {
    return Enums.parse(Link.class, "link", text);
  }

  /** The link function {@code g(μ)}. */
  abstract double linkfun(double mu);

  /** The inverse link {@code g⁻¹(η)}. */
  abstract double linkinv(double eta);

  /** {@code dμ/dη}. */
  abstract double muEta(double eta);

  /**
   * The proportion improved for linear predictor {@code eta}, {@code g⁻¹(η)} (without R's
   * clamping).
   *
   * @param eta the linear predictor
   * @return the proportion, in [0, 1]
   */
  public double proportion(double eta) {
    return this == PROBIT ? NORMAL.cumulativeProbability(eta) : 1 / (1 + Math.exp(-eta));
  }

  /**
   * The linear predictor at which a proportion {@code p} have improved, {@code g(p)}.
   *
   * @param p the proportion, in (0, 1)
   * @return the linear predictor at which a proportion {@code p} have improved, {@code g(p)}
   * @throws IllegalArgumentException unless {@code 0 < p < 1}
   */
  public double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must lie strictly between 0 and 1, was " + p);
    }
    return linkfun(p);
  }
}
