package io.candor.measure;

import static io.candor.evidence.Sourced.assumption;
import static io.candor.evidence.Sourced.secondary;

import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.evidence.Statement;
import io.candor.internal.Checks;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The built-in catalog of instruments with several scales: therapist wellbeing measures. Each
 * figure is {@link Sourced} with its certainty; {@link MultiScaleInstrument#caveats()} says what a
 * score can and cannot mean.
 *
 * <p>No item text is shipped for any of them. The ProQOL's terms allow free use of the unaltered
 * measure with a credit line but forbid selling it, which an Apache-2.0 library cannot promise on
 * behalf of its users; the CBI's download page gives no licence text; the STSS is copyrighted by
 * its author with no public licence found; the MBI is a commercial product. Scoring keys (item
 * numbers, reversals, scoring rules) are facts about the instruments and are shipped.
 */
public final class MultiScaleInstruments {

  private MultiScaleInstruments() {}

  private static final ResponseScale ONE_TO_FIVE = ResponseScale.of(1, 5);

  private static final String PROQOL_LICENCE =
      "free to use unaltered and not sold, crediting the Center for Victims of Torture and linking"
          + " www.ProQOL.org (ProQOL.org terms); Candor ships the scoring key only, no item text";

  /**
   * Professional Quality of Life scale, version 5 (Stamm 2010): 30 items answered 1 (never) to 5
   * (very often) about the last 30 days; Compassion Satisfaction, Burnout and Secondary Traumatic
   * Stress, each the sum of ten items (10–50); Burnout items 1, 4, 15, 17 and 29 reverse-keyed.
   */
  public static final MultiScaleInstrument PROQOL5 = new MultiScaleInstrument(
      "ProQOL-5", "Professional Quality of Life Scale, version 5", 30, ONE_TO_FIVE,
      List.of(
          proqol("CS", "Compassion Satisfaction", Direction.HIGHER_IS_BETTER,
              List.of(3, 6, 12, 16, 18, 20, 22, 24, 27, 30), Set.of(), 0.88, 0.87, 40.77, 6.26),
          proqol("BO", "Burnout", Direction.HIGHER_IS_WORSE,
              List.of(1, 4, 8, 10, 15, 17, 19, 21, 26, 29), Set.of(1, 4, 15, 17, 29), 0.75, 0.72,
              22.47, 5.46),
          proqol("STS", "Secondary Traumatic Stress", Direction.HIGHER_IS_WORSE,
              List.of(2, 5, 7, 9, 11, 13, 14, 23, 25, 28), Set.of(), 0.81, 0.80, 26.14, 6.20)),
      PROQOL_LICENCE,
      Optional.of("Scored with the Professional Quality of Life Scale (ProQOL) version 5,"
          + " (c) B. Hudnall Stamm; the ProQOL is managed by The Center for Victims of Torture,"
          + " www.ProQOL.org."),
      List.of(
          Statement.primary("The ProQOL is not a diagnostic tool: a score describes how work as a"
              + " helper has felt over the last 30 days, not a condition of the person.",
              Citations.STAMM_2010),
          Statement.primary("A Rasch analysis of 1,615 nurses found adequate measurement for"
              + " Compassion Satisfaction but not for the Burnout and Secondary Traumatic Stress"
              + " scales; read those two scores with caution.", Citations.HERITAGE_2018),
          Statement.secondary("The bands (22 or less low, 23-41 moderate, 42 or more high, the same"
              + " on all three scales) are the self-score sheet's; studies also use t-score cuts,"
              + " so a band is a reading aid, not a norm.", Citations.STAMM_2010)));

  /**
   * Copenhagen Burnout Inventory (Kristensen et al. 2005): personal burnout (items 1–6),
   * work-related burnout (7–13) and client-related burnout (14–19). Answers are coded 0–4 from
   * "never/almost never" (or "to a very low degree") to "always" (or "to a very high degree") and
   * score 0, 25, 50, 75 and 100 points; item 10 (energy for family and friends in leisure time) is
   * reverse-keyed. Each scale score is the mean of its items (0–100); there is no total score.
   */
  public static final MultiScaleInstrument CBI = cbi();

  /**
   * Secondary Traumatic Stress Scale (Bride et al. 2004): 17 items answered 1 (never) to 5 (very
   * often) about the last seven days; Intrusion (items 2, 3, 6, 10, 13), Avoidance (1, 5, 7, 9, 12,
   * 14, 17), Arousal (4, 8, 11, 15, 16) and the total (17–85), each a sum.
   */
  public static final MultiScaleInstrument STSS = stss();

  /**
   * Maslach Burnout Inventory, Human Services Survey (proprietary): score properties only. Its 22
   * items (0–6) form Emotional Exhaustion (9 items, 0–54), Depersonalization (5, 0–30) and
   * Personal Accomplishment (8, 0–48); Candor holds no key, so scale sums are entered as numbers.
   */
  public static final MultiScaleInstrument MBI_HSS = mbi();

  private static final List<MultiScaleInstrument> ALL = List.of(PROQOL5, CBI, STSS, MBI_HSS);

  /**
   * Every built-in multi-scale instrument.
   *
   * @return ProQOL-5, CBI, STSS and MBI-HSS
   */
  public static List<MultiScaleInstrument> all() {
    return ALL;
  }

  /**
   * The built-in instrument with that id, ignoring case, spaces and hyphens ("proqol5", "ProQOL-5").
   *
   * @param id the id
   * @return the instrument, or empty
   */
  public static Optional<MultiScaleInstrument> find(String id) {
    Checks.nonBlank("instrument id", id);
    String key = normalise(id);
    return ALL.stream().filter(i -> normalise(i.id()).equals(key)).findFirst();
  }

  /**
   * The built-in instrument with that id.
   *
   * @param id the id
   * @return the instrument
   * @throws IllegalArgumentException naming the id and listing the known ones
   */
  public static MultiScaleInstrument byId(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("unknown multi-scale"
        + " instrument " + Checks.quote(id) + "; known: "
        + ALL.stream().map(MultiScaleInstrument::id).collect(Collectors.joining(", "))));
  }

  private static String normalise(String id) {
    return id.toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "").replace("_", "");
  }

  // ------------------------------------------------------------------ construction

  private static Subscale proqol(String id, String name, Direction direction, List<Integer> items,
      Set<Integer> reversed, double alpha, double nctsnAlpha, double mean, double sd) {
    Sourced reliability = secondary(alpha, Citations.STAMM_2010, "alpha " + Checks.fmt(alpha)
        + " on the ProQOL 5 self-score sheet ((c) Stamm 2009-2012), as reproduced in two"
        + " independent public copies; the NCTSN summary gives " + Checks.fmt(nctsnAlpha));
    Sourced m = assumption(mean, Citations.HAMEED_2023, "raw-score mean in 140 critical-care"
        + " nurses (abstract); used as a reference because the manual's raw norms were not"
        + " readable; a service's own mean can replace it");
    Sourced s = assumption(sd, Citations.HAMEED_2023, "raw-score SD in 140 critical-care nurses"
        + " (abstract); one sample, not a therapist norm; it sets the reliable-change threshold");
    ScaleBands bands = new ScaleBands(List.of("low", "moderate", "high"), List.of(
        secondary(23, Citations.STAMM_2010, "self-score sheet: a score of 22 or less is low"
            + " (\"if your score is below 23\"), as reproduced in two independent public copies"),
        secondary(42, Citations.STAMM_2010, "self-score sheet: a score of 42 or more is high"
            + " (\"if you score above 41\"), same copies")));
    Sourced missing = assumption(0, Citations.STAMM_2010, "the self-score sheet sums all ten"
        + " items and the manual's missing-data rule was not read; Candor scores a scale only"
        + " when all its items are answered rather than guess");
    return subscale("ProQOL-5", id, name, direction, ONE_TO_FIVE, items, reversed,
        ScaleScoring.SUM, missing, Optional.of(bands), reliability, Optional.of(new Norms(m, s)),
        PROQOL_LICENCE);
  }

  private static MultiScaleInstrument cbi() {
    ResponseScale responses = ResponseScale.mapped(0, 4, 0, 25, 50, 75, 100);
    String licence = "free download from the Danish National Research Centre for the Working"
        + " Environment (nfa.dk); no licence text found, so Candor ships the scoring key only,"
        + " no item text";
    Sourced missing = assumption(3, Citations.KRISTENSEN_2005, "a scale is scored when at least"
        + " half its items are answered (at most 3 missing of 6 or 7), a rule commonly stated for"
        + " the CBI but not seen in the paper");
    ScaleBands bands = new ScaleBands(List.of("below 50", "50 or above"), List.of(
        assumption(50, Citations.KRISTENSEN_2005, "'50 or above = high' is a convention found on"
            + " websites and in some studies, not a validated cut-off; published bands disagree")));
    List<Subscale> scales = List.of(
        cbiScale("personal", "Personal burnout", range(1, 6), Set.of(), 0.87, 35.9, 16.9,
            responses, missing, bands, licence),
        cbiScale("work", "Work-related burnout", range(7, 13), Set.of(10), 0.87, 33.0, 17.6,
            responses, missing, bands, licence),
        cbiScale("client", "Client-related burnout", range(14, 19), Set.of(), 0.85, 30.9, 17.7,
            responses, missing, bands, licence));
    return new MultiScaleInstrument("CBI", "Copenhagen Burnout Inventory", 19, responses, scales,
        licence, Optional.empty(),
        List.of(
            Statement.assumption("'50 or above' is shown only as a labelled convention: no"
                + " validated cut-off for the CBI was found, and websites use incompatible bands.",
                Citations.KRISTENSEN_2005),
            Statement.secondary("The three scales are read separately; the CBI has no total"
                + " score.", Citations.KRISTENSEN_2005),
            Statement.primary("The CBI measures fatigue and exhaustion and how far a person"
                + " attributes them to work and to clients; a score is not a diagnosis.",
                Citations.KRISTENSEN_2005)));
  }

  private static Subscale cbiScale(String id, String name, List<Integer> items,
      Set<Integer> reversed, double alpha, double mean, double sd, ResponseScale responses,
      Sourced missing, ScaleBands bands, String licence) {
    Sourced reliability = assumption(alpha, Citations.KRISTENSEN_2005, "internal consistency"
        + " alpha as recalled from the paper's table; its abstract says only 'very high internal"
        + " reliability'; value not seen, verify");
    Sourced m = assumption(mean, Citations.KRISTENSEN_2005, "PUMA baseline mean as recalled from"
        + " the paper's descriptive table; not seen, verify");
    Sourced s = assumption(sd, Citations.KRISTENSEN_2005, "PUMA baseline SD as recalled from the"
        + " paper's descriptive table; not seen, verify; it sets the reliable-change threshold");
    return subscale("CBI", id, name, Direction.HIGHER_IS_WORSE, responses, items, reversed,
        ScaleScoring.MEAN, missing, Optional.of(bands), reliability, Optional.of(new Norms(m, s)),
        licence);
  }

  private static MultiScaleInstrument stss() {
    String licence = "(c) 1999 Brian E. Bride; no public-use licence found, so Candor ships the"
        + " scoring key only, no item text";
    Sourced missing = assumption(0, Citations.BRIDE_2004, "no missing-item rule seen; Candor"
        + " scores a scale only when all its items are answered");
    ScaleBands bands = new ScaleBands(
        List.of("little or none", "mild", "moderate", "high", "severe"), List.of(
            assumption(28, Citations.BRIDE_2007, "17-27 little or no secondary traumatic stress,"
                + " as quoted by a citing paper; another quotes 17-28, so the boundary at 28 is"
                + " unverified"),
            assumption(38, Citations.BRIDE_2007, "28-37 mild, as quoted by a citing paper; not"
                + " seen in the source"),
            assumption(44, Citations.BRIDE_2007, "38-43 moderate, as quoted; not seen"),
            assumption(49, Citations.BRIDE_2007, "44-48 high and 49 or more severe, as quoted;"
                + " not seen")));
    List<Subscale> scales = List.of(
        stssScale("intrusion", "Intrusion", List.of(2, 3, 6, 10, 13), 0.80, Optional.empty(),
            missing, licence),
        stssScale("avoidance", "Avoidance", List.of(1, 5, 7, 9, 12, 14, 17), 0.87,
            Optional.empty(), missing, licence),
        stssScale("arousal", "Arousal", List.of(4, 8, 11, 15, 16), 0.83, Optional.empty(),
            missing, licence),
        stssScale("total", "Total", range(1, 17), 0.93, Optional.of(bands), missing, licence));
    return new MultiScaleInstrument("STSS", "Secondary Traumatic Stress Scale", 17, ONE_TO_FIVE,
        scales, licence, Optional.empty(),
        List.of(
            Statement.assumption("The severity bands of the total (Bride 2007) are quoted by"
                + " citing papers and were not checked against the source; one quotes a different"
                + " lower boundary.", Citations.BRIDE_2007),
            Statement.secondary("A confirmatory factor analysis found the three subscales almost"
                + " perfectly correlated (.96 to 1.0), so the total says nearly as much as the"
                + " three together.", Citations.TING_2005),
            Statement.assumption("An STSS score describes symptoms of secondary traumatic stress"
                + " over the last week; it is not a PTSD diagnosis.", Citations.BRIDE_2007)));
  }

  private static Subscale stssScale(String id, String name, List<Integer> items, double alpha,
      Optional<ScaleBands> bands, Sourced missing, String licence) {
    Sourced reliability = secondary(alpha, Citations.BRIDE_2004, "Cronbach's alpha in the"
        + " validation sample (287 social workers), as quoted in TPC Journal 9(4); Ting et al."
        + " 2005 report similar values");
    return subscale("STSS", id, name, Direction.HIGHER_IS_WORSE, ONE_TO_FIVE, items, Set.of(),
        ScaleScoring.SUM, missing, bands, reliability, Optional.empty(), licence);
  }

  private static MultiScaleInstrument mbi() {
    ResponseScale responses = ResponseScale.of(0, 6);
    String licence = "proprietary (Mind Garden): Candor holds score properties only, no items"
        + " and no scoring key; enter the subscale sums";
    Sourced entered = assumption(0, Citations.MASLACH_1996, "Candor holds no item key; scale"
        + " sums are entered as numbers, so missing items are the scorer's to handle");
    List<Subscale> scales = List.of(
        mbiScale("EE", "Emotional Exhaustion", Direction.HIGHER_IS_WORSE, 9, 0.90, 20.99, 10.75,
            responses, entered, licence),
        mbiScale("DP", "Depersonalization", Direction.HIGHER_IS_WORSE, 5, 0.79, 8.73, 5.89,
            responses, entered, licence),
        mbiScale("PA", "Personal Accomplishment", Direction.HIGHER_IS_BETTER, 8, 0.71, 34.58,
            7.11, responses, entered, licence));
    return new MultiScaleInstrument("MBI-HSS", "Maslach Burnout Inventory, Human Services Survey",
        22, responses, scales, licence, Optional.empty(),
        List.of(
            Statement.secondary("The three subscales are read separately and never added into one"
                + " total.", Citations.MASLACH_1996),
            Statement.secondary("Published cut-offs disagree between reproductions of the manual"
                + " and norms differ by occupation, so Candor shows no bands.",
                Citations.MASLACH_1996),
            Statement.primary("In a meta-analysis of mental-health professionals the pooled means"
                + " were Emotional Exhaustion 21.11, Depersonalization 6.76 and Personal"
                + " Accomplishment 34.60.", Citations.OCONNOR_2018)));
  }

  private static Subscale mbiScale(String id, String name, Direction direction, int items,
      double alpha, double mean, double sd, ResponseScale responses, Sourced entered,
      String licence) {
    Sourced reliability = secondary(alpha, Citations.MASLACH_1996, "internal consistency in"
        + " Maslach & Jackson's sample of 1,316, as quoted by a bio-protocol.org page");
    Sourced m = assumption(mean, Citations.MASLACH_1996, "overall normative sample of the manual"
        + " as widely cited; not seen");
    Sourced s = assumption(sd, Citations.MASLACH_1996, "overall normative sample of the manual as"
        + " widely cited; not seen; it sets the reliable-change threshold");
    double max = items * responses.maxPoints();
    Instrument properties = Instrument.builder("MBI-HSS " + id, name)
        .range(0, max)
        .direction(direction)
        .reliability(reliability)
        .clinicalNorms(new Norms(m, s))
        .licence(licence)
        .build();
    return new Subscale(id, properties, responses, items, List.of(), Set.of(), ScaleScoring.SUM,
        entered, Optional.empty());
  }

  private static Subscale subscale(String instrumentId, String id, String name,
      Direction direction, ResponseScale responses, List<Integer> items, Set<Integer> reversed,
      ScaleScoring scoring, Sourced maxMissing, Optional<ScaleBands> bands, Sourced reliability,
      Optional<Norms> reference, String licence) {
    int n = items.size();
    double lo = scoring == ScaleScoring.SUM ? n * responses.minPoints() : responses.minPoints();
    double hi = scoring == ScaleScoring.SUM ? n * responses.maxPoints() : responses.maxPoints();
    Instrument.Builder b = Instrument.builder(instrumentId + " " + id, name)
        .range(lo, hi)
        .resolution(Subscale.resolutionFor(responses, n, scoring, (int) maxMissing.value()))
        .direction(direction)
        .reliability(reliability)
        .licence(licence);
    reference.ifPresent(b::clinicalNorms);
    return new Subscale(id, b.build(), responses, n, items, reversed, scoring, maxMissing, bands);
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.rangeClosed(from, to).boxed().toList();
  }
}
