package io.candor.change;

import io.candor.internal.Enums;

/**
 * Which clinical-significance cutoff separates the clinical from the functional range (Jacobson
 * &amp; Truax 1991). With {@code dir} = +1 when higher is better and −1 when lower is better:
 *
 * <ul>
 *   <li>{@link #A}: {@code M_clin + dir·2·SD_clin}, two clinical SDs from the clinical mean towards
 *       health (needs clinical norms only);
 *   <li>{@link #B}: {@code M_func − dir·2·SD_func}, two <em>functional</em> SDs from the functional
 *       mean towards dysfunction (needs functional norms; the {@code clinicalsignificance} R package
 *       uses the clinical SD here, which is a bug that Candor does not reproduce);
 *   <li>{@link #C}: {@code (SD_clin·M_func + SD_func·M_clin)/(SD_clin + SD_func)}, where the two
 *       distributions are equally likely (needs both);
 *   <li>{@link #CASENESS}: the instrument's published caseness cutoff (e.g. PHQ-9 ≥ 10), which is
 *       what services such as NHS Talking Therapies use.
 * </ul>
 *
 * <p>The Hageman–Arrindell method uses "true-score" variants of a, b and c in which each SD is
 * multiplied by the square root of the reliability in that population (Hageman &amp; Arrindell 1999);
 * see {@link ClinicalCutoff}.
 */
public enum CutoffType {
  /** Two clinical SDs beyond the clinical mean, towards health. */
  A,
  /** Two functional SDs beyond the functional mean, towards dysfunction. */
  B,
  /** The point where the clinical and functional distributions are equally likely. */
  C,
  /** The instrument's published caseness cutoff. */
  CASENESS;

  /**
   * Parses a name case-insensitively ("c", "caseness").
   *
   * @param text the name to parse
   * @return the cutoff type
   */
  public static CutoffType parse(CharSequence text) {
    return Enums.parse(CutoffType.class, "cutoff type", text);
  }
}
