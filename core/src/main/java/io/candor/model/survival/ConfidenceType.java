package io.candor.model.survival;

import io.candor.internal.Enums;

/**
 * How a pointwise confidence interval for a Kaplan–Meier survival probability is built from the
 * Greenwood standard error, exactly as R's {@code survival::survfit} does it ({@code conf.type}).
 * With {@code se} the standard error of the cumulative hazard ({@link KaplanMeierFit#stdErr()}),
 * {@code S} the survival and {@code z} the normal quantile for the confidence level:
 *
 * <ul>
 *   <li>{@link #LOG} (R's default): {@code exp(log S ± z·se)}, the upper limit capped at 1;
 *       undefined (NaN) where {@code S = 0}.
 *   <li>{@link #LOG_LOG}: {@code exp(-exp(log(-log S) ∓ z·se/log S))}; undefined (NaN) where
 *       {@code S} is 0 or 1.
 *   <li>{@link #PLAIN}: {@code S ± z·se·S}, clipped to [0, 1].
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @see io.candor.evidence.Citations#THERNEAU_2000
 */
public enum ConfidenceType {
  /** Symmetric on the log-survival scale ({@code conf.type = "log"}, R's default). */
  LOG("log"),
  /** Symmetric on the log(−log survival) scale ({@code conf.type = "log-log"}). */
  LOG_LOG("log-log"),
  /** Symmetric on the survival scale ({@code conf.type = "plain"}). */
  PLAIN("plain");

  private final String rName;

  ConfidenceType(String rName) {
    this.rName = rName;
  }

  /**
   * The name R's {@code survfit(conf.type = ...)} uses for this type.
   *
   * @return the name R's {@code survfit(conf.type = ...)} uses for this type
   */
  public String rName() {
    return rName;
  }

  /**
   * Parses R's name ({@code "log"}, {@code "log-log"}, {@code "plain"}) or the constant name,
   * ignoring case.
   *
   * @param text R's name or the constant name
   * @return the confidence type
   * @throws IllegalArgumentException naming the allowed values
   */
  public static ConfidenceType parse(String text) {
    java.util.Objects.requireNonNull(text, "confidenceType");
    for (ConfidenceType t : values()) {
      if (t.rName.equalsIgnoreCase(text.strip())) {
        return t;
      }
    }
    return Enums.parse(ConfidenceType.class, "confidenceType", text);
  }

  /**
   * Lower limit for survival {@code s} with cumulative-hazard standard error {@code se} and normal
   * quantile {@code z}; NaN where R gives NA.
   */
  double lower(double s, double se, double z) {
    switch (this) {
      case LOG:
        return s == 0 ? Double.NaN : Math.exp(Math.log(s) - z * se);
      case LOG_LOG:
        if (s == 0 || s == 1) {
          return Double.NaN;
        }
        return Math.exp(-Math.exp(Math.log(-Math.log(s)) - z * se / Math.log(s)));
      case PLAIN:
        return Math.max(s - se * s * z, 0);
      default:
        throw new AssertionError(this);
    }
  }

  /** Upper limit; see {@link #lower}. */
  double upper(double s, double se, double z) {
    switch (this) {
      case LOG:
        return s == 0 ? Double.NaN : Math.min(Math.exp(Math.log(s) + z * se), 1);
      case LOG_LOG:
        if (s == 0 || s == 1) {
          return Double.NaN;
        }
        return Math.exp(-Math.exp(Math.log(-Math.log(s)) + z * se / Math.log(s)));
      case PLAIN:
        return Math.min(s + se * s * z, 1);
      default:
        throw new AssertionError(this);
    }
  }
}
