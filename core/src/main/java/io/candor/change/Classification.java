package io.candor.change;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One client's change classified by one method: the reliable-change assessment, the cutoff, the two
 * cutoff criteria and the resulting category. Built by {@link ClinicalChange#classify}.
 *
 * <p>For Hageman–Arrindell, {@link #cutoffIndex()} is the individual clinical-significance index
 * {@code CS_indiv = (M2 + (x2 − M2)·r_xx2 − cutoff) / (√r_xx2·S_E)} and {@link #functionalPost()}
 * is true only for clients in the clinical range before whose index passes the critical value
 * towards health, as in the R package.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reliableChange the reliable-change assessment (holds the method and scores)
 * @param cutoff the clinical-significance cutoff used
 * @param clinicalPre whether the pre score is in the clinical range
 * @param functionalPost whether the post score is in the functional range
 * @param cutoffIndex Hageman–Arrindell's individual cutoff index; empty for other methods
 * @param category the resulting category
 */
public record Classification(
    ReliableChange reliableChange,
    ClinicalCutoff cutoff,
    boolean clinicalPre,
    boolean functionalPost,
    OptionalDouble cutoffIndex,
    ChangeCategory category) {

  /**
   * Validates the components.
   *
   * @param reliableChange the reliable-change assessment (holds the method and scores)
   * @param cutoff the clinical-significance cutoff used
   * @param clinicalPre whether the pre score is in the clinical range
   * @param functionalPost whether the post score is in the functional range
   * @param cutoffIndex Hageman–Arrindell's individual cutoff index; empty for other methods
   * @param category the resulting category
   */
  public Classification {
    Objects.requireNonNull(reliableChange, "reliableChange");
    Objects.requireNonNull(cutoff, "cutoff");
    Objects.requireNonNull(cutoffIndex, "cutoffIndex");
    Objects.requireNonNull(category, "category");
  }

  /**
   * The method used.
   *
   * @return the method used
   */
  public ReliableChangeMethod method() {
    return reliableChange.method();
  }
}
