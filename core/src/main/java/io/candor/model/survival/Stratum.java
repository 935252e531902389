package io.candor.model.survival;

import io.candor.internal.Checks;
import java.util.Objects;

/**
 * One named group's Kaplan–Meier curve within a {@link StratifiedFit}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the group's name (for example a course or readiness stage)
 * @param fit the group's curve
 */
public record Stratum(String name, KaplanMeierFit fit) {

  /**
   * Validates the components.
   *
   * @param name the group's name (for example a course or readiness stage)
   * @param fit the group's curve
   */
  public Stratum {
    Checks.nonBlank("name", name);
    Objects.requireNonNull(fit, "fit");
  }
}
