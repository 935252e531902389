package io.candor.progress;

import io.candor.internal.Checks;
import io.candor.model.DataRange;
import java.util.Objects;

/**
 * A warning that an expected-response curve reaches outside what its model was fitted on: an
 * intake score outside the intakes in the model's data, or sessions outside its sessions. The
 * curve is still computed (the model's formula applies anywhere), but there it rests on the
 * model's form rather than on data, and may be wrong.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what lies outside: the intake or a session
 * @param value the intake score, or the session furthest outside the fitted sessions
 * @param fitted the range the model was fitted on ({@link ExpectedResponseModel.FittedOn#intakes()}
 *     or {@link ExpectedResponseModel.FittedOn#sessions()})
 */
public record Extrapolation(Kind kind, double value, DataRange fitted) {

  /** What an extrapolation concerns. */
  public enum Kind {
    /** The intake score lies outside the intake scores of the model's data. */
    INTAKE,
    /** The curve covers sessions outside the sessions of the model's data. */
    SESSION
  }

  /**
   * Validates the components.
   *
   * @param kind what lies outside: the intake or a session
   * @param value the intake score, or the session furthest outside the fitted sessions
   * @param fitted the range the model was fitted on ({@link ExpectedResponseModel.FittedOn#intakes()}
   *     or {@link ExpectedResponseModel.FittedOn#sessions()})
   * @throws IllegalArgumentException if the value is not finite or lies inside the fitted range
   */
  public Extrapolation {
    Objects.requireNonNull(kind, "kind");
    Checks.finite("value", value);
    Objects.requireNonNull(fitted, "fitted");
    if (fitted.contains(value)) {
      throw new IllegalArgumentException("an extrapolation needs a value outside the fitted range "
          + fitted + ", was " + Checks.fmt(value));
    }
  }

  /**
   * The warning in words, e.g. "extrapolation: intake 26 lies outside the intake scores the model
   * was fitted on (9 to 24); the curve there rests on the model's form, not on data".
   *
   * @return the warning
   */
  public String message() {
    return switch (kind) {
      case INTAKE -> "extrapolation: intake " + Checks.fmt(value)
          + " lies outside the intake scores the model was fitted on (" + fitted
          + "); the curve rests on the model's form, not on data like this client's";
      case SESSION -> "extrapolation: session " + Checks.fmt(value)
          + " lies outside the sessions the model was fitted on (" + fitted
          + "); the curve there extends the model's time trend beyond its data";
    };
  }
}
