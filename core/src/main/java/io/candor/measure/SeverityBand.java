package io.candor.measure;

import io.candor.internal.Checks;

/**
 * A named score band such as "moderate: 10–14". Bounds are inclusive.
 *
 * @param label the band's name, e.g. "moderate"
 * @param lower lowest score in the band
 * @param upper highest score in the band (at least {@code lower})
 */
public record SeverityBand(String label, double lower, double upper) {

  /**
   * Validates the bounds.
   *
   * @param label the band's name, e.g. "moderate"
   * @param lower lowest score in the band
   * @param upper highest score in the band (at least {@code lower})
   */
  public SeverityBand {
    Checks.nonBlank("label", label);
    Checks.finite("lower", lower);
    Checks.finite("upper", upper);
    if (upper < lower) {
      throw new IllegalArgumentException(
          "band " + label + ": upper " + upper + " must be at least lower " + lower);
    }
  }

  /**
   * Whether the score falls inside this band.
   *
   * @param score the score
   * @return whether the score falls inside this band
   */
  public boolean contains(double score) {
    return score >= lower && score <= upper;
  }

  @Override
  public String toString() {
    return label + " (" + Checks.fmt(lower) + "-" + Checks.fmt(upper) + ")";
  }
}
