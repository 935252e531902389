package io.candor.expectation;

import io.candor.internal.Checks;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What every renderer is configured with: the language and, if chosen, the session it speaks
 * about. Not part of the API; each renderer holds one and compares by it.
 *
 * @param locale the language of the bundle
 * @param horizon the session chosen, or empty for the default
 */
record RenderOptions(Locale locale, OptionalInt horizon) {

  /** English, the default session. */
  static final RenderOptions DEFAULTS = new RenderOptions(Locale.ENGLISH, OptionalInt.empty());

  RenderOptions {
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(horizon, "horizon");
  }

  RenderOptions withLocale(Locale l) {
    return new RenderOptions(Objects.requireNonNull(l, "locale"), horizon);
  }

  RenderOptions withHorizon(int session) {
    Checks.atLeast("horizon", session, 1);
    return new RenderOptions(locale, OptionalInt.of(session));
  }

  /** The words of this language. */
  Render render() {
    return new Render(Messages.of(locale));
  }

  /** "ClientRenderer[en, horizon default]". */
  String describe(String renderer) {
    return renderer + "[" + locale + ", horizon "
        + (horizon.isPresent() ? Integer.toString(horizon.getAsInt()) : "default") + "]";
  }
}
