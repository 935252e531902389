package io.candor.measure;

import io.candor.internal.Checks;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A risk item (such as PHQ-9 item 9 or CORE-10 item 6) that needs a clinician's review: it was
 * answered above its lowest response, or it was not answered at all. The flag carries the raw
 * response, unscored, and a fixed text; it is never a risk score, a risk level or a verdict.
 *
 * <p>The absence of a flag is not reassurance: most people who die by suicide answered "not at
 * all" on their latest PHQ-9 item 9 (Louzon et al. 2016: 71.6 %), so a zero never means "safe".
 * Candor raises the flag and leaves every judgement to the clinician (NICE NG225, recommendations
 * 1.6.1–1.6.4: do not use scales to predict suicide or self-harm, or to decide who is treated).
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrumentId the instrument's id, e.g. {@code "PHQ-9"}
 * @param item the 1-based number of the risk item
 * @param response the raw response as given, or empty when the item was not answered
 */
public record RiskFlag(String instrumentId, int item, OptionalInt response) {

  /** The fixed text of a flag for a risk item answered above its lowest response. */
  public static final String ANSWERED_ABOVE_ZERO = "risk item answered above zero — clinician review";

  /** The fixed text of a flag for a risk item that was not answered. */
  public static final String NOT_ANSWERED = "risk item not answered — clinician review";

  /**
   * Validates the components.
   *
   * @param instrumentId the instrument's id, e.g. {@code "PHQ-9"}
   * @param item the 1-based number of the risk item
   * @param response the raw response as given, or empty when the item was not answered
   * @throws IllegalArgumentException if the id is blank or the item number is below 1
   */
  public RiskFlag {
    Checks.nonBlank("instrumentId", instrumentId);
    Checks.atLeast("item", item, 1);
    Objects.requireNonNull(response, "response");
  }

  /**
   * The fixed text: {@link #ANSWERED_ABOVE_ZERO} or {@link #NOT_ANSWERED}.
   *
   * @return the text, never a score or a level
   */
  public String text() {
    return response.isPresent() ? ANSWERED_ABOVE_ZERO : NOT_ANSWERED;
  }

  /**
   * One line naming the instrument, the item, the raw response and the fixed text, e.g.
   * {@code "PHQ-9 item 9 = 2: risk item answered above zero — clinician review"}.
   *
   * @return the line
   */
  @Override
  public String toString() {
    return instrumentId + " item " + item + " = "
        + (response.isPresent() ? Integer.toString(response.getAsInt()) : "not answered") + ": " + text();
  }
}
