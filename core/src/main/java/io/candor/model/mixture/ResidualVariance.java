package io.candor.model.mixture;

/** Whether each class has its own residual SD or all classes share one. */
public enum ResidualVariance {
  /** One residual SD per class (flexmix's {@code FLXMRglm}, the default). */
  PER_CLASS,
  /** One residual SD shared by all classes. */
  COMMON
}
