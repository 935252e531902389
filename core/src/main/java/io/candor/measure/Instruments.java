package io.candor.measure;

import static io.candor.evidence.Sourced.assumption;
import static io.candor.evidence.Sourced.primary;
import static io.candor.evidence.Sourced.secondary;

import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The built-in instrument catalog. Each figure's {@link Sourced#certainty()} says how sure Candor
 * is of it and its {@link Sourced#note()} says what it rests on; figures marked
 * {@link io.candor.evidence.Certainty#ASSUMPTION} are documented conventions, not facts.
 *
 * <p>OQ-45 and BDI-II are proprietary: Candor knows their score properties only, never their items.
 */
public final class Instruments {

  private Instruments() {}

  /** Patient Health Questionnaire, 9 items (depression). Public domain. */
  public static final Instrument PHQ9 =
      Instrument.builder("PHQ-9", "Patient Health Questionnaire-9")
          .range(0, 27)
          .direction(Direction.HIGHER_IS_WORSE)
          .casenessCutoff(primary(10, Citations.KROENKE_2001,
              "score >= 10: sensitivity 88 %, specificity 88 % for major depression; also the NHS"
                  + " Talking Therapies caseness threshold"))
          .bands(primary(5, Citations.KROENKE_2001, "cut-points 5, 10, 15, 20"),
              new SeverityBand("minimal", 0, 4),
              new SeverityBand("mild", 5, 9),
              new SeverityBand("moderate", 10, 14),
              new SeverityBand("moderately severe", 15, 19),
              new SeverityBand("severe", 20, 27))
          .reliability(secondary(0.84, Citations.KROENKE_2001,
              "test-retest: in-person vs telephone administration within 48 h (r = .84);"
                  + " internal consistency alpha .86-.89"))
          .functionalNorms(new Norms(
              secondary(2.91, Citations.KOCALEVENT_2013, "German general population, n = 5018"),
              secondary(3.52, Citations.KOCALEVENT_2013, "German general population, n = 5018")))
          .reliableChange(primary(6, Citations.NHS_TALKING_THERAPIES_2024,
              "reliable change on PHQ-9 is a change of 6 or more points"))
          .licence("public domain (Pfizer: no permission required to reproduce, translate or use)")
          .itemScoring(new ItemScoring(9, 0, 3, Set.of(), 0, "PHQ-9"))
          .build();

  /** Generalized Anxiety Disorder scale, 7 items. Public domain. */
  public static final Instrument GAD7 =
      Instrument.builder("GAD-7", "Generalized Anxiety Disorder-7")
          .range(0, 21)
          .direction(Direction.HIGHER_IS_WORSE)
          .casenessCutoff(primary(8, Citations.NHS_TALKING_THERAPIES_2024,
              "NHS Talking Therapies caseness: GAD-7 >= 8 (Spitzer et al. 2006 proposed 10 for"
                  + " generalized anxiety disorder)"))
          .bands(primary(5, Citations.SPITZER_2006, "cut-points 5, 10, 15"),
              new SeverityBand("minimal", 0, 4),
              new SeverityBand("mild", 5, 9),
              new SeverityBand("moderate", 10, 14),
              new SeverityBand("severe", 15, 21))
          .reliability(primary(0.83, Citations.SPITZER_2006,
              "test-retest intraclass correlation .83 (1 week); alpha .92"))
          .functionalNorms(new Norms(
              secondary(2.95, Citations.LOWE_2008, "German general population, n = 5030"),
              secondary(3.41, Citations.LOWE_2008, "German general population, n = 5030")))
          .reliableChange(primary(4, Citations.NHS_TALKING_THERAPIES_2024,
              "reliable change on GAD-7 is a change of 4 or more points"))
          .licence("public domain (Pfizer: no permission required to reproduce, translate or use)")
          .itemScoring(new ItemScoring(7, 0, 3, Set.of(), 0, "GAD-7"))
          .build();

  /** Clinical Outcomes in Routine Evaluation, 10 items (psychological distress). */
  public static final Instrument CORE10 =
      Instrument.builder("CORE-10", "Clinical Outcomes in Routine Evaluation-10")
          .range(0, 40)
          .direction(Direction.HIGHER_IS_WORSE)
          .casenessCutoff(secondary(11, Citations.BARKHAM_2013,
              "clinical cut-off: 11 and above is the clinical range"))
          .bands(secondary(11, Citations.BARKHAM_2013,
                  "healthy / low / mild / moderate / moderately severe / severe"),
              new SeverityBand("healthy", 0, 5),
              new SeverityBand("low", 6, 10),
              new SeverityBand("mild", 11, 14),
              new SeverityBand("moderate", 15, 19),
              new SeverityBand("moderately severe", 20, 24),
              new SeverityBand("severe", 25, 40))
          .reliability(secondary(0.90, Citations.BARKHAM_2013,
              "internal consistency alpha .90 in a clinical sample (no test-retest published)"))
          .reliableChange(assumption(6, Citations.BARKHAM_2013,
              "6 points is the reliable-change criterion commonly used with CORE-10; not"
                  + " confirmed against the paper"))
          .licence("free to copy for non-commercial use, unaltered (CORE System Trust)")
          .itemScoring(new ItemScoring(10, 0, 4, Set.of(2, 3), 1, "CORE-10"))
          .build();

  /** Outcome Questionnaire-45.2 (proprietary: score properties only). */
  public static final Instrument OQ45 =
      Instrument.builder("OQ-45", "Outcome Questionnaire-45.2")
          .range(0, 180)
          .direction(Direction.HIGHER_IS_WORSE)
          .casenessCutoff(secondary(64, Citations.LAMBERT_2004_OQ_MANUAL,
              "clinical cut-off 63/64: 64 and above is the dysfunctional range"))
          .reliability(secondary(0.84, Citations.LAMBERT_1996,
              "test-retest .84 over 3 weeks; alpha .93"))
          .clinicalNorms(new Norms(
              assumption(83.1, Citations.LAMBERT_1996, "outpatient sample; not confirmed"),
              assumption(21.6, Citations.LAMBERT_1996, "outpatient sample; not confirmed")))
          .functionalNorms(new Norms(
              assumption(45.2, Citations.LAMBERT_1996, "community sample; not confirmed"),
              assumption(18.6, Citations.LAMBERT_1996, "community sample; not confirmed")))
          .reliableChange(secondary(14, Citations.LAMBERT_2004_OQ_MANUAL,
              "reliable change index: 14 points"))
          .licence("proprietary (OQ Measures): Candor holds score properties only, no items")
          .build();

  /** Beck Depression Inventory-II (proprietary: score properties only). */
  public static final Instrument BDI2 =
      Instrument.builder("BDI-II", "Beck Depression Inventory-II")
          .range(0, 63)
          .direction(Direction.HIGHER_IS_WORSE)
          .casenessCutoff(secondary(14, Citations.BECK_1996,
              "14 and above is at least mild depression (lower bound of the mild band)"))
          .bands(secondary(14, Citations.BECK_1996, "cut-points 14, 20, 29"),
              new SeverityBand("minimal", 0, 13),
              new SeverityBand("mild", 14, 19),
              new SeverityBand("moderate", 20, 28),
              new SeverityBand("severe", 29, 63))
          .reliability(secondary(0.93, Citations.BECK_1996,
              "test-retest .93 over one week (n = 26 outpatients); alpha .92"))
          .clinicalNorms(new Norms(
              secondary(22.45, Citations.BECK_1996, "outpatient sample, n = 500"),
              secondary(12.75, Citations.BECK_1996, "outpatient sample, n = 500")))
          .functionalNorms(new Norms(
              secondary(12.56, Citations.BECK_1996, "college student sample, n = 120"),
              secondary(9.93, Citations.BECK_1996, "college student sample, n = 120")))
          .licence("proprietary (Pearson): Candor holds score properties only, no items")
          .build();

  /** Outcome Rating Scale (four visual-analogue lines of 0–10; higher is better). */
  public static final Instrument ORS =
      Instrument.builder("ORS", "Outcome Rating Scale")
          .range(0, 40)
          .resolution(0.1)
          .direction(Direction.HIGHER_IS_BETTER)
          .casenessCutoff(secondary(25, Citations.MILLER_2003,
              "adult clinical cut-off 25: below 25 is the clinical range"))
          .reliability(assumption(0.66, Citations.MILLER_2003,
              "test-retest .66 in a non-clinical sample (alpha .93); not confirmed"))
          .reliableChange(secondary(5, Citations.MILLER_2003, "reliable change: 5 points"))
          .licence("free for individual practitioners with registration; licensed for agencies")
          .build();

  /** Kessler Psychological Distress Scale, 10 items (1–5 each). */
  public static final Instrument K10 =
      Instrument.builder("K10", "Kessler Psychological Distress Scale")
          .range(10, 50)
          .direction(Direction.HIGHER_IS_WORSE)
          .casenessCutoff(assumption(22, Citations.ANDREWS_2001,
              "lower bound of the 'high' band; Andrews & Slade give bands, not a single cutoff"))
          .bands(secondary(16, Citations.ANDREWS_2001, "cut-points 16, 22, 30"),
              new SeverityBand("low", 10, 15),
              new SeverityBand("moderate", 16, 21),
              new SeverityBand("high", 22, 29),
              new SeverityBand("very high", 30, 50))
          .reliability(assumption(0.93, Citations.KESSLER_2002,
              "internal consistency alpha about .93; no test-retest used"))
          .licence("public domain (Kessler, Harvard Medical School); free to use")
          .itemScoring(new ItemScoring(10, 1, 5, Set.of(), 0, "K10"))
          .build();

  /** Warwick-Edinburgh Mental Wellbeing Scale, 14 items (higher is better). */
  public static final Instrument WEMWBS =
      Instrument.builder("WEMWBS", "Warwick-Edinburgh Mental Wellbeing Scale")
          .range(14, 70)
          .direction(Direction.HIGHER_IS_BETTER)
          .reliability(secondary(0.83, Citations.TENNANT_2007,
              "test-retest .83 over one week (students); alpha .89-.91"))
          .functionalNorms(new Norms(
              secondary(50.7, Citations.TENNANT_2007, "Scottish population sample"),
              secondary(8.79, Citations.TENNANT_2007, "Scottish population sample")))
          .reliableChange(assumption(3, Citations.TENNANT_2007,
              "a change of 3 or more points is described as meaningful in user guidance;"
                  + " not a reliable-change index"))
          .licence("free to use with registration (University of Warwick); items copyrighted")
          .build();

  private static final List<Instrument> ALL =
      List.of(PHQ9, GAD7, CORE10, OQ45, BDI2, ORS, K10, WEMWBS);

  /** Every built-in instrument. */
  public static List<Instrument> all() {
    return ALL;
  }

  /**
   * The built-in instrument with that id, ignoring case and the hyphen ("phq9", "PHQ-9").
   */
  public static Optional<Instrument> find(String id) {
    Checks.nonBlank("instrument id", id);
    String key = normalise(id);
    return ALL.stream().filter(i -> normalise(i.id()).equals(key)).findFirst();
  }

  /**
   * The built-in instrument with that id.
   *
   * @throws IllegalArgumentException naming the id and listing the known ones
   */
  public static Instrument byId(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown instrument \"" + id + "\"; known: "
                        + ALL.stream().map(Instrument::id).collect(Collectors.joining(", "))));
  }

  private static String normalise(String id) {
    return id.toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "").replace(".2", "");
  }
}
