package io.candor.model.mixture;

/**
 * Whether each class of a growth mixture model has its own random-effect covariance or all
 * classes share one. Ignored by LCGA ({@link WithinClass#NONE}).
 */
public enum RandomCovariance {
  /** One random-effect covariance per class (the default). */
  PER_CLASS,
  /** One random-effect covariance shared by all classes. */
  COMMON
}
