package io.candor.expectation;

import io.candor.internal.Enums;

/** Who a report is written for; each has its renderer. */
public enum Audience {
  /** The client: plain language, natural frequencies ({@link ClientRenderer}). */
  CLIENT,
  /** The therapist: numbers, sources, what to watch ({@link TherapistRenderer}). */
  THERAPIST,
  /** The service: expected outcomes over a caseload ({@link ServiceRenderer}). */
  SERVICE;

  /**
   * Parses a name case-insensitively; lists the allowed names if not.
   *
   * @param text the name, e.g. {@code "client"}
   * @return the audience
   * @throws IllegalArgumentException for an unknown name
   */
  public static Audience parse(CharSequence text) {
    return Enums.parse(Audience.class, "audience", text);
  }
}
