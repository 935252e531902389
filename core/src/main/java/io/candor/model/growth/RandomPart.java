package io.candor.model.growth;

/** Which coefficients vary between clients. */
public enum RandomPart {
  /** Each client has their own intercept (level); one variance parameter. */
  INTERCEPT(1),
  /**
   * Each client has their own intercept and their own slope on the first time term, with an
   * unstructured (correlated) 2×2 covariance; three variance parameters.
   */
  INTERCEPT_SLOPE(2);

  private final int size;

  RandomPart(int size) {
    this.size = size;
  }

  /**
   * Number of random effects per client (1 or 2).
   *
   * @return the number of random effects per client (1 or 2)
   */
  public int size() {
    return size;
  }

  /**
   * Number of covariance parameters (1 or 3).
   *
   * @return the number of covariance parameters (1 or 3)
   */
  public int parameters() {
    return size * (size + 1) / 2;
  }
}
