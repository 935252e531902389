package io.candor.examples.cli;

import io.candor.model.dose.DoseEffect;
import io.candor.model.dose.DoseEffectExamples;
import io.candor.model.dose.DoseEffectFit;
import io.candor.model.dose.SessionsEstimate;
import io.candor.model.survival.KaplanMeier;
import io.candor.model.survival.KaplanMeierFit;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The time-to-event and dose–effect section of {@code candor demo}: Howard et al.'s (1986)
 * dose–effect curve fitted by probit regression, and a Kaplan–Meier curve of sessions to reliable
 * improvement on a small illustrative sample.
 */
public final class TimeToEventDemo {

  private TimeToEventDemo() {}

  /** Sessions to reliable improvement (or to the last session seen) of 20 illustrative clients. */
  private static final int[] SESSIONS = {
    2, 3, 3, 4, 4, 5, 5, 6, 6, 6, 7, 8, 8, 10, 12, 12, 14, 16, 16, 20
  };

  /** Whether each reached reliable improvement (false: left or ended without it, censored). */
  private static final boolean[] IMPROVED = {
    true, true, false, true, true, false, true, true, true, false,
    true, false, true, true, false, true, false, true, false, false
  };

  /**
   * Prints the section.
   *
   * @param out where the section is printed
   */
  public static void demoSection(PrintWriter out) {
    DoseEffectFit dose = DoseEffect.withDefaults().fit(DoseEffectExamples.howard1986());
    out.println(
        "Howard et al. (1986) pooled 15 studies (about 2,400 patients): a probit curve on the log"
            + " of sessions.");
    for (SessionsEstimate m : dose.milestones()) {
      out.println(
          String.format(
              Locale.ROOT,
              "  %2.0f%% of clients improved by about %.0f sessions (95%% CI %.0f to %.0f)",
              m.proportion() * 100,
              m.sessions(),
              m.lower(),
              m.upper()));
    }
    out.println(
        "  Only the 8- and 26-session figures are Howard's; the table around them is an"
            + " illustration of their curve (see DoseEffectExamples).");
    KaplanMeierFit km = KaplanMeier.withDefaults().fit(SESSIONS, IMPROVED);
    out.println(
        "Kaplan-Meier, 20 illustrative clients, time = sessions to reliable improvement; clients"
            + " who stopped earlier are censored (counted only for the sessions they came to):");
    out.println("  median sessions to reliable improvement: " + km.medianText());
    out.println(
        String.format(
            Locale.ROOT,
            "  share still without reliable improvement after 8 sessions: %.0f%%",
            km.survivalAt(8) * 100));
    out.println(
        "These describe groups of clients, not a forecast for any one person.");
    out.flush();
  }
}
