package io.candor.model.dose;

import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import java.util.ArrayList;
import java.util.List;

/**
 * Example dose–effect data with their sources.
 *
 * <p>Thread-safe (stateless); the lists returned are immutable.
 */
public final class DoseEffectExamples {

  private DoseEffectExamples() {}

  /** Sessions of the Howard-shaped example table. */
  private static final double[] HOWARD_SESSIONS = {1, 2, 4, 8, 13, 26, 52};

  /** Clients per row of the example table (an assumption; it only sets the weights). */
  public static final int HOWARD_N_PER_ROW = 100;

  /**
   * The share improved at each dose of {@link #howard1986()}, with where each figure comes from.
   *
   * <ul>
   *   <li>8 sessions, 50 % and 26 sessions, 75 %: Howard, Kopta, Krause &amp; Orlinsky (1986),
   *       abstract ("by 8 sessions approximately 50% of patients are measurably improved, and
   *       approximately 75% are improved by 26 sessions") — {@code PRIMARY}.
   *   <li>52 sessions, 85 %: the figure commonly cited from the same paper; not checked against
   *       its table here — {@code SECONDARY}.
   *   <li>1, 2, 4 and 13 sessions (12 %, 21 %, 35 %, 61 %): read off the probit line through the two
   *       published points ({@code Φ(−1.19 + 0.572·ln s)}), rounded; <b>not</b> Howard's table —
   *       {@code ASSUMPTION}. Some secondary sources quote higher early figures (about 25–30 % after
   *       one session); those do not lie on a single probit line with 50 % at 8 and 75 % at 26 and
   *       are not used.
   * </ul>
   *
   * @return the share improved at each dose, with its source
   */
  public static List<Sourced> howard1986Shares() {
    String interp =
        "read off the probit line through Howard et al.'s 50% at 8 and 75% at 26 sessions,"
            + " rounded; not their table";
    return List.of(
        Sourced.assumption(0.12, Citations.HOWARD_1986, "1 session: " + interp),
        Sourced.assumption(0.21, Citations.HOWARD_1986, "2 sessions: " + interp),
        Sourced.assumption(0.35, Citations.HOWARD_1986, "4 sessions: " + interp),
        Sourced.primary(0.50, Citations.HOWARD_1986, "8 sessions: about 50% improved (abstract)"),
        Sourced.assumption(0.61, Citations.HOWARD_1986, "13 sessions: " + interp),
        Sourced.primary(0.75, Citations.HOWARD_1986, "26 sessions: about 75% improved (abstract)"),
        Sourced.secondary(
            0.85, Citations.HOWARD_1986, "52 sessions: about 85% improved, as commonly cited"));
  }

  /**
   * An aggregated table with the shape of Howard et al.'s (1986) pooled dose–effect curve: rows for
   * 1, 2, 4, 8, 13, 26 and 52 sessions, each with {@value #HOWARD_N_PER_ROW} clients (an
   * assumption: Howard et al. pooled about 2,400 patients from 15 studies; the per-dose counts are
   * not reproduced here) and the shares of {@link #howard1986Shares()}. A probit fit on log
   * sessions gives about 50 % at 8 and 75 % at 26 sessions. An illustration of the published shape,
   * not the original data.
   *
   * @return the table, one row per dose
   */
  public static List<DoseRow> howard1986() {
    List<Sourced> shares = howard1986Shares();
    List<DoseRow> rows = new ArrayList<>(HOWARD_SESSIONS.length);
    for (int i = 0; i < HOWARD_SESSIONS.length; i++) {
      int improved = (int) Math.round(shares.get(i).value() * HOWARD_N_PER_ROW);
      rows.add(new DoseRow(HOWARD_SESSIONS[i], HOWARD_N_PER_ROW, improved));
    }
    return List.copyOf(rows);
  }
}
