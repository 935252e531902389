package io.candor.measure;

import static io.candor.evidence.Sourced.assumption;
import static io.candor.evidence.Sourced.primary;
import static io.candor.evidence.Sourced.secondary;

import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /**
   * Patient Health Questionnaire, 9 items (depression). Public domain. Item 9 (thoughts of being
   * better off dead or of self-harm) is its risk item: any answer above "not at all" goes to a
   * clinician (a common protocol convention; Simon et al. 2013 found item 9 associated with later
   * suicide attempts independently of the total), and so does a missing answer.
   */
  public static final Instrument PHQ9 =
      Instrument.builder("PHQ-9", "Patient Health Questionnaire-9")
          .range(0, 27)
          .direction(Direction.HIGHER_IS_WORSE)
          .casenessCutoff(primary(10, Citations.KROENKE_2001,
              "score >= 10: sensitivity 88 %, specificity 88 % for major depression (abstract);"
                  + " also the NHS Talking Therapies caseness threshold"))
          .bands(primary(5, Citations.KROENKE_2001,
                  "scores 5, 10, 15, 20 mark mild, moderate, moderately severe, severe (abstract)"),
              new SeverityBand("minimal", 0, 4),
              new SeverityBand("mild", 5, 9),
              new SeverityBand("moderate", 10, 14),
              new SeverityBand("moderately severe", 15, 19),
              new SeverityBand("severe", 20, 27))
          .reliability(assumption(0.84, Citations.KROENKE_2001,
              "test-retest r = .84 (self-report vs telephone interview within 48 h) as widely"
                  + " cited from the paper's text; not seen in the primary source during"
                  + " verification. Internal consistency alpha .89 is confirmed by secondary"
                  + " summaries"))
          .clinicalNorms(new Norms(
              secondary(15.4, Citations.NHS_DIGITAL_2023,
                  "mean first PHQ-9 of referrals at caseness who finished treatment in NHS Talking"
                      + " Therapies, England 2022-23, as quoted by Scott 2023 (cbtwatch.com);"
                      + " not read in the report itself"),
              secondary(5.5, Citations.NHS_DIGITAL_2023,
                  "SD of the same; restricted to cases, so narrower than an unselected"
                      + " treatment-seeking sample. With r = .84 it gives a Jacobson-Truax"
                      + " threshold of 6.10 points, in line with the Talking Therapies 6-point"
                      + " criterion")))
          .functionalNorms(new Norms(
              secondary(2.91, Citations.KOCALEVENT_2013,
                  "German general population, n = 5018; total figure not read, but consistent with the"
                      + " abstract's women 3.1 / men 2.7 (53.6 % women)"),
              secondary(3.52, Citations.KOCALEVENT_2013,
                  "German general population, n = 5018; abstract gives SD 3.5 for each sex")))
          .reliableChange(secondary(6, Citations.NHS_TALKING_THERAPIES_2024,
              "reliable change on PHQ-9 is a change of 6 or more points (IAPT/Talking Therapies"
                  + " manual, as quoted by Scott 2023; the manual itself not read)"))
          .licence("public domain (Pfizer: no permission required to reproduce, translate or use)")
          .itemScoring(new ItemScoring(9, 0, 3, Set.of(), 0, "PHQ-9", Set.of(9)))
          .build();

  /** Generalized Anxiety Disorder scale, 7 items. Public domain. */
  public static final Instrument GAD7 =
      Instrument.builder("GAD-7", "Generalized Anxiety Disorder-7")
          .range(0, 21)
          .direction(Direction.HIGHER_IS_WORSE)
          .casenessCutoff(secondary(8, Citations.NHS_TALKING_THERAPIES_2024,
              "NHS Talking Therapies caseness: GAD-7 >= 8 (below 8 after treatment counts towards"
                  + " recovery, as quoted by Scott 2023); Spitzer et al. 2006 proposed 10 for"
                  + " generalized anxiety disorder"))
          .bands(assumption(5, Citations.SPITZER_2006,
                  "cut-points 5, 10, 15 for mild, moderate, severe anxiety as widely cited from"
                      + " the paper; not seen in the primary source"),
              new SeverityBand("minimal", 0, 4),
              new SeverityBand("mild", 5, 9),
              new SeverityBand("moderate", 10, 14),
              new SeverityBand("severe", 15, 21))
          .reliability(assumption(0.83, Citations.SPITZER_2006,
              "test-retest intraclass correlation .83 (1 week) as widely cited; alpha .92 in the"
                  + " development sample, .89 in the general population (Lowe 2008, abstract)"))
          .clinicalNorms(new Norms(
              secondary(14.0, Citations.NHS_DIGITAL_2023,
                  "mean first GAD-7 of referrals at caseness who finished treatment in NHS Talking"
                      + " Therapies, England 2022-23, as quoted by Scott 2023 (cbtwatch.com)"),
              secondary(4.5, Citations.NHS_DIGITAL_2023,
                  "SD of the same; restricted to cases")))
          .functionalNorms(new Norms(
              secondary(2.95, Citations.LOWE_2008,
                  "German general population, n = 5030; total figure not read, but consistent with the"
                      + " abstract's women 3.2 / men 2.7"),
              secondary(3.41, Citations.LOWE_2008,
                  "German general population; abstract gives SD 3.5 (women) and 3.2 (men)")))
          .reliableChange(secondary(4, Citations.NHS_TALKING_THERAPIES_2024,
              "reliable change on GAD-7 is a change of 4 or more points (IAPT/Talking Therapies"
                  + " manual, as quoted by Scott 2023; the manual itself not read)"))
          .licence("public domain (Pfizer: no permission required to reproduce, translate or use)")
          .itemScoring(new ItemScoring(7, 0, 3, Set.of(), 0, "GAD-7"))
          .build();

  /**
   * Clinical Outcomes in Routine Evaluation, 10 items (psychological distress). Items 2 ("someone
   * to turn to for support") and 3 ("able to cope when things go wrong") are positively worded and
   * reverse-scored; one missing item may be prorated. Item 6 is its one risk item (CORE-10 has six
   * problem, three functioning and one risk item; Barkham et al. 2013); a missing item 6 is flagged
   * for review even when the total is prorated.
   */
  public static final Instrument CORE10 =
      Instrument.builder("CORE-10", "Clinical Outcomes in Routine Evaluation-10")
          .range(0, 40)
          .direction(Direction.HIGHER_IS_WORSE)
          .casenessCutoff(primary(11, Citations.BARKHAM_2013,
              "clinical cut-off score for general psychological distress 11.0 (abstract)"))
          .bands(secondary(11, Citations.BARKHAM_2013,
                  "healthy 0-5, low 6-10, mild 11-14, moderate 15-19, moderately severe 20-24,"
                      + " severe 25-40, as given by several secondary summaries"
                      + " (socasresourcehub.com, clientforms.app); one other summary differs"),
              new SeverityBand("healthy", 0, 5),
              new SeverityBand("low", 6, 10),
              new SeverityBand("mild", 11, 14),
              new SeverityBand("moderate", 15, 19),
              new SeverityBand("moderately severe", 20, 24),
              new SeverityBand("severe", 25, 40))
          .reliability(primary(0.90, Citations.BARKHAM_2013,
              "internal consistency alpha .90 (abstract); no test-retest figure published"))
          .clinicalNorms(new Norms(
              secondary(19.7, Citations.CONNELL_2007,
                  "primary care counselling sample, n = 1835, as quoted from the manual by"
                      + " novopsych.com.au"),
              secondary(7.7, Citations.CONNELL_2007, "same sample")))
          .functionalNorms(new Norms(
              secondary(4.7, Citations.CONNELL_2007,
                  "general population sample, n = 535, as quoted from the manual by"
                      + " novopsych.com.au"),
              secondary(4.8, Citations.CONNELL_2007, "same sample")))
          .reliableChange(primary(6, Citations.BARKHAM_2013,
              "reliable change index (90 % CI) of 6 points (abstract); note the 90 %, not 95 %,"
                  + " criterion"))
          .licence("free to copy for non-commercial use, unaltered (CORE System Trust)")
          .itemScoring(new ItemScoring(10, 0, 4, Set.of(2, 3), 1, "CORE-10", Set.of(6)))
          .build();

  /**
   * Outcome Questionnaire-45.2 (proprietary: score properties only). Its id is {@code "OQ-45"};
   * {@link #find(String)} also knows it by its full version name {@code "OQ-45.2"}.
   */
  public static final Instrument OQ45 =
      Instrument.builder("OQ-45", "Outcome Questionnaire-45.2")
          .range(0, 180)
          .direction(Direction.HIGHER_IS_WORSE)
          .casenessCutoff(assumption(64, Citations.LAMBERT_2004_OQ_MANUAL,
              "clinical cut-off 63/64 as widely cited from the manual; not seen. A large Dutch"
                  + " study (Timman et al. 2017) found 56 for the Dutch version"))
          .reliability(assumption(0.84, Citations.LAMBERT_1996,
              "test-retest .84 over 3 weeks, alpha .93, as widely cited; not seen"))
          .clinicalNorms(new Norms(
              assumption(83.1, Citations.LAMBERT_1996, "outpatient sample; not confirmed"),
              assumption(21.6, Citations.LAMBERT_1996, "outpatient sample; not confirmed")))
          .functionalNorms(new Norms(
              assumption(45.2, Citations.LAMBERT_1996, "community sample; not confirmed"),
              assumption(18.6, Citations.LAMBERT_1996, "community sample; not confirmed")))
          .reliableChange(assumption(14, Citations.LAMBERT_2004_OQ_MANUAL,
              "reliable change index 14 points as widely cited from the manual; not seen (Timman"
                  + " et al. 2017 report 18 for the Dutch version)"))
          .licence("proprietary (OQ Measures): Candor holds score properties only, no items")
          .build();

  /** Beck Depression Inventory-II (proprietary: score properties only). */
  public static final Instrument BDI2 =
      Instrument.builder("BDI-II", "Beck Depression Inventory-II")
          .range(0, 63)
          .direction(Direction.HIGHER_IS_WORSE)
          .casenessCutoff(assumption(14, Citations.BECK_1996,
              "14 and above is at least mild depression (lower bound of the manual's mild band);"
                  + " manual not seen"))
          .bands(assumption(14, Citations.BECK_1996,
                  "cut-points 14, 20, 29 as widely cited from the manual; not seen"),
              new SeverityBand("minimal", 0, 13),
              new SeverityBand("mild", 14, 19),
              new SeverityBand("moderate", 20, 28),
              new SeverityBand("severe", 29, 63))
          .reliability(assumption(0.93, Citations.BECK_1996,
              "test-retest .93 over one week (n = 26 outpatients), alpha .92, as widely cited"
                  + " from the manual; not seen"))
          .clinicalNorms(new Norms(
              assumption(22.45, Citations.BECK_1996, "outpatient sample, n = 500; not seen"),
              assumption(12.75, Citations.BECK_1996, "outpatient sample, n = 500; not seen")))
          .functionalNorms(new Norms(
              assumption(12.56, Citations.BECK_1996, "college student sample, n = 120; not seen"),
              assumption(9.93, Citations.BECK_1996, "college student sample, n = 120; not seen")))
          .licence("proprietary (Pearson): Candor holds score properties only, no items")
          .build();

  /** Outcome Rating Scale (four visual-analogue lines of 0–10; higher is better). */
  public static final Instrument ORS =
      Instrument.builder("ORS", "Outcome Rating Scale")
          .range(0, 40)
          .resolution(0.1)
          .direction(Direction.HIGHER_IS_BETTER)
          .casenessCutoff(secondary(25, Citations.MILLER_2003,
              "adult clinical cut-off 25: below 25 is the clinical range (confirmed by a"
                  + " practitioner knowledge base summarising the developers' guidance:"
                  + " openfitcustomersupport, 'Reliable change (ORS)')"))
          .reliability(assumption(0.66, Citations.MILLER_2003,
              "test-retest .66 in a non-clinical sample (alpha .93) as cited; not seen"))
          .reliableChange(assumption(5, Citations.MILLER_2003,
              "reliable change 5 points as widely cited from the developers; not seen"))
          .licence("free for individual practitioners with registration; licensed for agencies")
          .build();

  /** Kessler Psychological Distress Scale, 10 items (1–5 each). */
  public static final Instrument K10 =
      Instrument.builder("K10", "Kessler Psychological Distress Scale")
          .range(10, 50)
          .direction(Direction.HIGHER_IS_WORSE)
          .casenessCutoff(assumption(22, Citations.ABS_2012_K10,
              "lower bound of the ABS 'high' band; there is no single published caseness cutoff"
                  + " (primary-care guidance uses 20 and above for a likely mild disorder)"))
          .bands(primary(16, Citations.ABS_2012_K10,
                  "ABS Table E: 10-15 low, 16-21 moderate, 22-29 high, 30-50 very high, drawing"
                      + " on CRUfAD and Andrews & Slade 2001; primary-care groupings differ"
                      + " (under 20 / 20-24 / 25-29 / 30+)"),
              new SeverityBand("low", 10, 15),
              new SeverityBand("moderate", 16, 21),
              new SeverityBand("high", 22, 29),
              new SeverityBand("very high", 30, 50))
          .reliability(assumption(0.93, Citations.KESSLER_2002,
              "internal consistency alpha about .93 as cited; no test-retest used; not seen"))
          .licence("public domain (Kessler, Harvard Medical School); free to use")
          .itemScoring(new ItemScoring(10, 1, 5, Set.of(), 0, "K10"))
          .build();

  /** Warwick-Edinburgh Mental Wellbeing Scale, 14 items (higher is better). */
  public static final Instrument WEMWBS =
      Instrument.builder("WEMWBS", "Warwick-Edinburgh Mental Wellbeing Scale")
          .range(14, 70)
          .direction(Direction.HIGHER_IS_BETTER)
          .reliability(assumption(0.83, Citations.TENNANT_2007,
              "test-retest .83 over one week (students), alpha .89-.91, as cited; not seen"))
          .functionalNorms(new Norms(
              assumption(50.7, Citations.TENNANT_2007, "Scottish population sample; not seen"),
              assumption(8.79, Citations.TENNANT_2007, "Scottish population sample; not seen")))
          .reliableChange(assumption(8, Citations.MAHESWARAN_2012,
              "individual-level change threshold 2.77 x SEM with SEM 2.4-3.1 (abstract), i.e."
                  + " 6.6-8.6 points; Candor rounds 2.77 x 2.77 = 7.7 up to 8. The often-quoted"
                  + " '3 points' is roughly one SEM, a group-level figure, not a reliable change"))
          .licence("free to use with registration (University of Warwick); items copyrighted")
          .build();

  private static final List<Instrument> ALL =
      List.of(PHQ9, GAD7, CORE10, OQ45, BDI2, ORS, K10, WEMWBS);

  /**
   * Every built-in instrument.
   *
   * @return the built-in instruments
   */
  public static List<Instrument> all() {
    return ALL;
  }

  /** Other names a built-in instrument is known by: its full version name. */
  private static final Map<String, Instrument> ALIASES = Map.of(normalise("OQ-45.2"), OQ45);

  /**
   * The built-in instrument with that id, ignoring case, hyphens and spaces ({@code "phq9"},
   * {@code "PHQ 9"} and {@code "PHQ-9"} are the PHQ-9). One alias is known: {@code "OQ-45.2"}, the
   * OQ-45's full version name. Nothing else is guessed: {@code "PHQ.9"} names no instrument.
   *
   * @param id the id
   * @return the instrument, or empty when no built-in instrument has that id
   * @throws IllegalArgumentException if the id is blank
   */
  public static Optional<Instrument> find(String id) {
    Checks.nonBlank("instrument id", id);
    String key = normalise(id);
    Instrument alias = ALIASES.get(key);
    if (alias != null) {
      return Optional.of(alias);
    }
    return ALL.stream().filter(i -> normalise(i.id()).equals(key)).findFirst();
  }

  /**
   * The built-in instrument with that id.
   *
   * @param id the id, e.g. {@code "PHQ-9"}
   * @return the built-in instrument with that id
   * @throws IllegalArgumentException naming the id and listing the known ones
   */
  public static Instrument byId(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown instrument " + Checks.quote(id) + "; known: "
                        + ALL.stream().map(Instrument::id).collect(Collectors.joining(", "))));
  }

  private static String normalise(String id) {
    return id.toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
  }
}
