package io.candor.expectation;

import static io.candor.quick.QuickTheoriesAdapter.quick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.candor.json.ExpectedResponseModels;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.measure.RiskFlag;
import io.candor.testing.CandorGenerators;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The three renderers: wording rules, readability, translations and risk items. */
class RenderersTest {

  /**
   * Verdict and promise words, and risk bands: none may appear in anything Candor writes for a
   * reader. ("No risk score" may be said; a risk level may not be given.)
   */
  static final Pattern VERDICT = Pattern.compile("(?i)\\b(will|won'?t|cure[sd]?|curing|"
      + "fail(s|ed|ing|ure|ures)?|guarantee[sd]?|guaranteeing|hopeless(ly)?|certain(ly)?|"
      + "definitely|promise[sd]?|inevitabl[ey]|safe|(low|medium|moderate|high)[- ]risk|"
      + "success(ful)? rate)\\b");

  private static final Expectations GAD = Expectations.withDefaults().withClients(2_000)
      .withSensitivityClients(500)
      .withModel(ExpectedResponseModels.reference(Instruments.GAD7));

  /** Profiles on four instruments (observed scores only where a reference model exists). */
  private static Gen<ExpectationReport> reports() {
    List<Instrument> all = List.of(Instruments.PHQ9, Instruments.GAD7, Instruments.CORE10,
        Instruments.ORS);
    return quick(rng -> {
      Instrument inst = all.get(rng.nextInt(all.size()));
      ClientProfile p = CandorGenerators.clientProfile(inst).generate(rng);
      if (inst == Instruments.CORE10 || inst == Instruments.ORS) {
        p = p.withObserved(List.of());
      }
      int classes = rng.nextInt(3);
      if (classes == 1) {
        p = p.withClasses(FittedClasses.of(FittedClassesTest.fourClasses(rng.nextInt(5)),
            "test classes", Map.of()));
      } else if (classes == 2) {
        p = p.withClasses(new FittedClasses(FittedClassesTest.withCovariate(), "test classes",
            OptionalInt.of(1 + rng.nextInt(5000)), Map.of("severe", (double) rng.nextInt(2))));
      }
      Expectations e = inst == Instruments.GAD7 ? GAD : ExpectationsTest.SMALL;
      return e.report(p, rng.nextLong());
    });
  }

  private static List<String> everyText(ExpectationReport r) {
    List<String> out = new ArrayList<>();
    out.add(ClientRenderer.withDefaults().text(r));
    out.add(ClientRenderer.withDefaults().html(r));
    out.add(TherapistRenderer.withDefaults().text(r));
    out.add(TherapistRenderer.withDefaults().html(r));
    out.add(ServiceRenderer.withDefaults().text(List.of("client-1"), List.of(r)));
    out.add(ServiceRenderer.withDefaults().html(List.of("client-1"), List.of(r)));
    return out;
  }

  /** The text with every run of white space (line wraps included) as one space. */
  private static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }

  private static void noVerdict(String text) {
    Matcher m = VERDICT.matcher(text);
    assertFalse(m.find(), () -> "verdict or promise word \"" + m.group() + "\" in: ..."
        + text.substring(Math.max(0, m.start() - 80), Math.min(text.length(), m.end() + 80)));
  }

  @Test
  void noGeneratedText_hasAVerdictOrPromiseWord() {
    qt().withExamples(25).forAll(reports()).checkAssert(r -> everyText(r).forEach(
        RenderersTest::noVerdict));
  }

  @Test
  void theBundleAndTheRiskFlagTexts_haveNoVerdictOrPromiseWord() throws IOException {
    Properties bundle = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream("messages.properties")) {
      bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    assertTrue(bundle.size() > 100);
    bundle.forEach((k, v) -> noVerdict(k + " = " + v));
    noVerdict(RiskFlag.ANSWERED_ABOVE_ZERO);
    noVerdict(RiskFlag.NOT_ANSWERED);
  }

  @Test
  void verdictPattern_catchesTheWordsItIsFor() {
    for (String bad : List.of("You will feel better", "a cure", "therapy failed", "guaranteed",
        "hopeless", "certainly", "low risk", "High-risk client", "it won't help", "promises")) {
      assertTrue(VERDICT.matcher(bad).find(), bad);
    }
    for (String fine : List.of("willing", "certainty: assumption", "no risk score", "unsafe",
        "Failsworth")) {
      assertFalse(VERDICT.matcher(fine).find(), fine);
    }
  }

  /** Flesch–Kincaid grade level ≤ 8 (Kincaid et al. 1975) for every generated client report. */
  @Test
  void clientText_isAtGradeEightOrBelow() {
    qt().withExamples(25).forAll(reports()).checkAssert(r -> {
      Readability read = Readability.of(ClientRenderer.withDefaults().prose(r));
      assertTrue(read.grade() <= 8, () -> "grade " + read.grade() + " " + read + ":\n"
          + ClientRenderer.withDefaults().prose(r));
    });
  }

  @Test
  void everyNaturalFrequencyStatement_hasItsIconArray_drawnWithAHundredCells() {
    ExpectationReport r = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 18), 9L);
    String html = ClientRenderer.withDefaults().html(r);
    int figures = html.split("<svg", -1).length - 1;
    assertEquals(2, figures, "the outcomes and recovery at session 12");
    assertEquals(200, html.split("<circle", -1).length - 1);
    Probability better = r.probability(Outcome.RELIABLE_IMPROVEMENT, 12).orElseThrow();
    NaturalFrequency nf = better.naturalFrequency();
    String text = flat(ClientRenderer.withDefaults().text(r));
    assertTrue(text.contains("about " + nf.count() + " (between " + nf.lower() + " and "
        + nf.upper() + ") feel much better"), text);
    assertTrue(text.contains("feel much better (" + nf.count() + ")"), "legend count");
    assertTrue(text.contains("Of 100 people who start where you are, after 12 sessions:"));
    assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("lang=\"en\""));
  }

  @Test
  void riskFlag_appearsInEveryAudienceAndFormat_evenWithAVeryLowTotal() {
    ClientProfile p = ClientProfile.of(Instruments.PHQ9, 1)
        .withItems(ClientProfile.ItemResponses.of(0, 0, 0, 0, 0, 0, 0, 0, 1).atSession(0));
    ExpectationReport r = ExpectationsTest.SMALL.report(p, 1L);
    assertTrue(flat(ClientRenderer.withDefaults().text(r)).contains("answer above zero to question 9"));
    assertTrue(flat(ClientRenderer.withDefaults().html(r)).contains("question 9"));
    assertTrue(flat(TherapistRenderer.withDefaults().text(r)).contains("PHQ-9 item 9: response 1"));
    assertTrue(flat(TherapistRenderer.withDefaults().html(r)).contains("PHQ-9 item 9: response 1"));
    assertTrue(flat(ServiceRenderer.withDefaults().text(List.of("a"), List.of(r)))
        .contains("clinician review (1 of 1): a"));
    for (String t : everyText(r)) {
      assertFalse(t.toLowerCase(Locale.ROOT).matches("(?s).*\\b(low|medium|high) risk\\b.*"));
    }
  }

  @Test
  void zeroOnTheRiskItem_isNotReassurance_andUnseenItemsAreSaid() {
    ExpectationReport zero = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 16)
        .withItems(ClientProfile.ItemResponses.of(2, 2, 2, 2, 2, 2, 2, 2, 0).atSession(0)), 1L);
    String therapist = flat(TherapistRenderer.withDefaults().text(zero));
    assertTrue(therapist.contains("does not rule risk out"), therapist);
    assertTrue(therapist.contains("71.6 %") && therapist.contains("NICE NG225"));
    assertTrue(flat(ClientRenderer.withDefaults().text(zero)).contains("whatever your answers on a form"));
    ExpectationReport unseen = ExpectationsTest.SMALL.report(
        ClientProfile.of(Instruments.PHQ9, 16), 1L);
    assertTrue(flat(TherapistRenderer.withDefaults().text(unseen))
        .contains("the risk item (PHQ-9 item 9) was not seen"));
    ExpectationReport gad = GAD.report(ClientProfile.of(Instruments.GAD7, 12), 1L);
    assertFalse(flat(TherapistRenderer.withDefaults().text(gad)).contains("Risk items"),
        "GAD-7 has no risk item and none was seen");
  }

  /** A translation is a file: messages_xx.properties in the test resources translates two keys. */
  @Test
  void aTranslationIsAFile_andMissingKeysFallBackToEnglish() {
    ExpectationReport r = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 18), 2L);
    String xx = flat(ClientRenderer.withDefaults().withLocale(Locale.forLanguageTag("xx")).text(r));
    assertTrue(xx.startsWith("Xx what to expect"), xx);
    assertTrue(xx.contains("Xx these are people like you."));
    assertTrue(xx.contains("feel much better"), "untranslated keys fall back to English");
    assertTrue(ClientRenderer.withDefaults().withLocale(Locale.forLanguageTag("xx")).html(r)
        .contains("lang=\"xx\""));
    assertTrue(ClientRenderer.withDefaults().withLocale(Locale.GERMAN).text(r)
        .startsWith("What to expect"), "no German file: English");
  }

  /**
   * A language without a translation gets English words, and so English numbers and an English
   * page: "20.000 clients" in an English sentence reads as twenty.
   */
  @Test
  void aLanguageWithoutATranslation_getsEnglishNumbersAndPage_notItsOwnAmongEnglishWords() {
    ExpectationReport r = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 18), 2L);
    String german = TherapistRenderer.withDefaults().withLocale(Locale.GERMAN).text(r);
    assertEquals(TherapistRenderer.withDefaults().text(r), german);
    assertTrue(ClientRenderer.withDefaults().withLocale(Locale.GERMAN).html(r)
        .contains("lang=\"en\""));
  }

  @Test
  void audienceAndOutcomeNames_parseOrNameTheAllowedValues() {
    assertEquals(Audience.THERAPIST, Audience.parse("Therapist"));
    assertEquals("audience must be one of client, therapist, service; was \"patient\"",
        assertThrows(IllegalArgumentException.class, () -> Audience.parse("patient"))
            .getMessage());
    assertEquals(Outcome.RELIABLE_IMPROVEMENT, Outcome.parse("reliable-improvement"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Outcome.parse("cured"))
        .getMessage().contains("was \"cured\""));
  }

  @Test
  void horizon_isChosenOrRejectedWithTheReportsHorizons() {
    ExpectationReport r = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 18), 2L);
    assertTrue(flat(ClientRenderer.withDefaults().withHorizon(20).text(r))
        .contains("after 20 sessions:"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> TherapistRenderer.withDefaults().withHorizon(9).text(r)).getMessage()
        .contains("[8, 12, 20]"));
    assertThrows(IllegalArgumentException.class, () -> ClientRenderer.withDefaults().withHorizon(0));
    assertEquals(ClientRenderer.withDefaults().withHorizon(8),
        ClientRenderer.withDefaults().withHorizon(8));
  }

  /**
   * The therapist's report says which interval is which (with the numbers of each), names every
   * source of the report and the certainty of the simulated shares, and what the numbers do not
   * mean; the client's report says that the numbers are about people like the client.
   */
  @Test
  void everyFigure_hasItsIntervalsApart_itsSourcesAndCertainty_andWhatItDoesNotMean() {
    ExpectationReport r = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 18)
        .withObserved(1, 17), 4L);
    String therapist = flat(TherapistRenderer.withDefaults().text(r));
    Probability better = r.probability(Outcome.RELIABLE_IMPROVEMENT, 12).orElseThrow();
    String pct = "(\\d+(\\.\\d+)?) %";
    Matcher row = Pattern.compile("reliable improvement at session 12: " + pct + "; Monte Carlo "
        + pct + " to " + pct + "; sensitivity " + pct + " to " + pct + "; range to quote " + pct
        + " to " + pct).matcher(therapist);
    assertTrue(row.find(), therapist);
    double[] shown = new double[7];
    for (int k = 0; k < 7; k++) {
      shown[k] = Double.parseDouble(row.group(1 + 2 * k)) / 100;
    }
    double[] figures = {better.estimate(), better.monteCarlo().lower(),
        better.monteCarlo().upper(), better.sensitivity().lower(), better.sensitivity().upper(),
        better.lower(), better.upper()};
    for (int k = 0; k < 7; k++) {
      assertEquals(figures[k], shown[k], 0.0051, "figure " + k + " in " + row.group());
    }
    assertTrue(therapist.contains("Monte Carlo interval: the 95 % Wilson interval"));
    assertTrue(therapist.contains("Sensitivity interval: how far the share moves"));
    for (io.candor.evidence.Citation c : r.sources()) {
      assertTrue(therapist.contains(flat(c.toString())), "source " + c.key());
    }
    assertTrue(therapist.contains("Certainty of every simulated share: assumption"));
    assertTrue(therapist.contains("What the numbers do not mean"));
    assertTrue(therapist.contains("not a prognosis"));
    String client = flat(ClientRenderer.withDefaults().text(r));
    assertTrue(client.contains("These are people like you. They are not a forecast for you."));
    assertTrue(client.contains("What these numbers do not mean"));
  }

  @Test
  void latentClasses_areCountsOutOf100ForTheClient_andProbabilitiesWithTheSourceForTheTherapist() {
    ExpectationReport r = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 18)
        .withObserved(1, 14).withObserved(2, 13).withClasses(new FittedClasses(
            FittedClassesTest.fourClasses(2.5), "candor classes on service.csv, 4 classes by BIC",
            OptionalInt.of(1234), Map.of())), 4L);
    ClassOutlook c = r.classes().orElseThrow();
    ClassOutlook.Pattern fast = c.patterns().get(0);
    String client = flat(ClientRenderer.withDefaults().text(r));
    assertTrue(client.contains("A computer model sorted the scores of 1,234 people into 4"
        + " patterns. Of 100 people whose scores so far are like yours: - about " + fast.count()
        + " follow a pattern where scores get much better by about session 3"), client);
    assertTrue(client.contains("This is not a label."));
    assertTrue(client.contains("- fewer than 1 follow a pattern where scores get worse"));
    assertTrue(client.indexOf("Patterns of change") > client.indexOf("Of 100 people who start"),
        "after the simulated numbers");
    String therapist = flat(TherapistRenderer.withDefaults().text(r));
    assertTrue(therapist.contains("Classes: candor classes on service.csv, 4 classes by BIC,"
        + " fitted on 1,234 clients."), therapist);
    assertTrue(therapist.contains("given 3 scores (the intake at session 0"));
    assertTrue(therapist.contains("Nagin 1999") && therapist.contains("Stulz et al. 2007")
        && therapist.contains("Saunders et al. 2019"));
    assertTrue(therapist.contains("not a label or a diagnosis"));
    assertTrue(therapist.contains("reliably better by session 3"));
    assertTrue(therapist.contains("do not change them"));
    String html = TherapistRenderer.withDefaults().html(r);
    assertTrue(html.contains("Probability now") && html.contains("Share in the fitted data"));
    assertFalse(flat(ClientRenderer.withDefaults().text(ExpectationsTest.SMALL.report(
        ClientProfile.of(Instruments.PHQ9, 18), 4L))).contains("Patterns of change"));
  }

  @Test
  void horizon_isTheSessionTheTextSpeaksAbout() {
    ExpectationReport r = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 18), 2L);
    assertEquals(12, ClientRenderer.withDefaults().horizon(r));
    assertEquals(20, TherapistRenderer.withDefaults().withHorizon(20).horizon(r));
    ExpectationReport late = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 18)
        .withObserved(13, 12), 2L);
    assertEquals(late.horizons().get(0), ClientRenderer.withDefaults().horizon(late));
    ExpectationReport short10 = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9,
        18).withPlannedSessions(10), 2L);
    assertEquals(10, ClientRenderer.withDefaults().horizon(short10));
    assertTrue(flat(ClientRenderer.withDefaults().text(short10)).contains("after 10 sessions:"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ClientRenderer.withDefaults().withHorizon(9).horizon(r)).getMessage()
        .contains("[8, 12, 20]"));
  }

  @Test
  void iconLabels_areTheWordsOfTheTextsIconKeys() {
    ExpectationReport r = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 18), 9L);
    Map<Outcome, String> labels = ClientRenderer.withDefaults().iconLabels();
    assertEquals(Outcome.values().length, labels.size());
    String text = flat(ClientRenderer.withDefaults().text(r));
    for (Outcome o : Outcome.EXCLUSIVE) {
      assertTrue(text.contains(labels.get(o) + " (" + r.iconArray(12, o).orElseThrow().count(o)
          + ")"), o + ": " + labels.get(o));
    }
    assertEquals("feel much better", labels.get(Outcome.RELIABLE_IMPROVEMENT));
    assertThrows(UnsupportedOperationException.class,
        () -> labels.put(Outcome.DROPOUT, "gone"));
  }

  @Test
  void chronicCourse_saysWhatSuccessCanMean() {
    ExpectationReport r = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 19)
        .withCourse(io.candor.domain.Course.CHRONIC), 3L);
    String client = flat(ClientRenderer.withDefaults().text(r));
    assertTrue(client.contains("steadier days, fewer or shorter bad spells"), client);
    assertTrue(client.contains("at least 18 sessions"));
    String therapist = flat(TherapistRenderer.withDefaults().text(r));
    assertTrue(therapist.contains("Cuijpers et al. 2010") && therapist.contains("d = 0.23"));
  }

  @Test
  void engagement_isContextBesideTypicalFigures() {
    ExpectationReport r = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 18)
        .withAttendance(6, 2).withHomework(4, 1), 3L);
    String client = flat(ClientRenderer.withDefaults().text(r));
    assertTrue(client.contains("You have missed 2 of 6 sessions so far"), client);
    assertTrue(client.contains("about 20 in 100"));
    String therapist = flat(TherapistRenderer.withDefaults().text(r));
    assertTrue(therapist.contains("r = 0.22 to 0.26") && therapist.contains("not a prediction"));
  }

  @Test
  void service_addsUpTheCaseload_andNamesFlaggedClients() {
    ExpectationReport a = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 18), 1L);
    ExpectationReport b = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 12)
        .withItems(ClientProfile.ItemResponses.of(2, 2, 2, 2, 2, 0, 0, 0, 2).atSession(0)), 1L);
    ServiceSummary s = ServiceRenderer.withDefaults().summarise(List.of("a", "b"), List.of(a, b));
    assertEquals(12, s.horizon());
    ExpectedCount better = s.outcomes().get(0);
    assertEquals(a.probability(Outcome.RELIABLE_IMPROVEMENT, 12).orElseThrow().estimate()
        + b.probability(Outcome.RELIABLE_IMPROVEMENT, 12).orElseThrow().estimate(),
        better.expected(), 1e-12);
    assertTrue(better.lower() <= better.expected() && better.expected() <= better.upper());
    assertEquals(List.of("b"), s.flagged());
    assertEquals(1, s.itemsNotSeen());
    String text = flat(ServiceRenderer.withDefaults().text(List.of("a", "b"), List.of(a, b)));
    assertTrue(text.contains("2 clients; the numbers are at session 12"), text);
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ServiceSummary.of(List.of("a", "a"), List.of(a, b), 12)).getMessage()
        .contains("distinct"));
    assertThrows(IllegalArgumentException.class,
        () -> ServiceSummary.of(List.of("a"), List.of(a, b), 12));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ServiceSummary.of(List.of("a"), List.of(a), 9)).getMessage().contains("session 9"));
  }

  private static final Expectations PLAIN = Expectations.withDefaults().withClients(1_000)
      .withSensitivityClients(200);

  /** A count out of 100 as the client reads it: "about 45 (between 38 and 52)". */
  private static String about(NaturalFrequency nf) {
    return "about " + nf.count() + " (between " + nf.lower() + " and " + nf.upper() + ")";
  }

  /**
   * The client's text on a scale where higher is better (ORS, steps of 0.1, not the calibrated
   * PHQ-9): its scores with their decimal, "higher" wording, recovery as reaching the line, the
   * later horizon, engagement, and the uncalibrated source; what the profile lacks is left out.
   */
  @Test
  void clientText_onAHigherIsBetterScale_saysEachPartWithItsNumbers() {
    ExpectationReport r = PLAIN.report(ClientProfile.of(Instruments.ORS, 15.3)
        .withAttendance(6, 2).withHomework(4, 1), 6L);
    String t = flat(ClientRenderer.withDefaults().text(r));
    assertTrue(t.startsWith("What to expect from therapy " + "=".repeat(27) + " This sheet is"
        + " about people who start therapy with a ORS score of 15.3, like you."), t);
    assertFalse(t.contains("It also uses your scores"));
    assertTrue(t.contains("Much better means a score at least 5 points higher than at the start."));
    NaturalFrequency rec = r.probability(Outcome.RECOVERY, 12).orElseThrow().naturalFrequency();
    assertTrue(t.contains("Services often use a score of 25 as a line. Of 100 people who start where"
        + " you are, " + about(rec) + " score 25 or more after 12 sessions."), t);
    assertTrue(t.contains("The same 100 people after 12 sessions. "), "the recovery icon array");
    int better = r.iconArray(12, Outcome.RELIABLE_IMPROVEMENT).orElseThrow()
        .count(Outcome.RELIABLE_IMPROVEMENT);
    assertTrue(t.contains("B B B") && t.contains(" B feel much better (" + better + ") S feel about"
        + " the same ("), "the icon rows and legend in letters");
    assertTrue(t.contains("After 20 sessions: about " + r.probability(Outcome.RELIABLE_IMPROVEMENT,
        20).orElseThrow().naturalFrequency().count() + " in 100 feel much better, and about "
        + r.probability(Outcome.DROPOUT, 20).orElseThrow().naturalFrequency().count()
        + " in 100 have stopped coming."), t);
    assertFalse(flat(ClientRenderer.withDefaults().withHorizon(20).text(r))
        .contains("After 20 sessions:"), "the later horizon is the one spoken about");
    assertTrue(t.contains("Coming to sessions and tasks between them ----"));
    assertTrue(t.contains("You have missed 2 of 6 sessions so far. Missing some is common: about 20"
        + " in 100 mental health visits are missed."));
    assertTrue(t.contains("You have done 1 of 4 tasks between sessions."));
    assertTrue(t.contains("checked against published studies of the PHQ-9 (Howard and others 1986,"
        + " Swift and Greenberg 2012, Lambert 2013), not of the ORS."), t);
    assertTrue(t.contains("A score above the line does not mean problems cannot come back."));
    assertFalse(t.contains("below the line"));
    assertFalse(t.contains("Thoughts of harming yourself"), "ORS asks nothing about harm");
    assertFalse(t.contains("Patterns of change") || t.contains("lasted a long time"));
    Milestone half = r.halfImproved().orElseThrow();
    assertTrue(t.contains("much better by session " + Math.round(half.session()) + "."), t);

    ExpectationReport phq = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 18)
        .withObserved(1, 17).withObserved(2, 16), 6L);
    String p = flat(ClientRenderer.withDefaults().text(phq));
    assertTrue(p.contains("with a PHQ-9 score of 18, like you. It also uses your scores since then"
        + " (session 1: 17, session 2: 16)."), p);
    assertTrue(p.contains("Much better means a score at least 6 points lower than at the start."));
    NaturalFrequency below = phq.probability(Outcome.RECOVERY, 12).orElseThrow()
        .naturalFrequency();
    assertTrue(p.contains("Of 100 people who start where you are, " + about(below)
        + " score below 10 after 12 sessions."), p);
    assertTrue(p.contains("A score below the line does not mean problems cannot come back."));
    assertTrue(p.contains("The model was checked against published studies (Howard and others"
        + " 1986, Swift and Greenberg 2012, Lambert 2013)."), p);
    assertFalse(p.contains("Coming to sessions"));
    assertTrue(p.indexOf("Thoughts of harming yourself") > p.indexOf("feel much better"),
        "an unseen risk item comes after the numbers");
    assertTrue(p.contains("please tell your therapist, whatever your answers on a form."));
    assertFalse(p.contains("call your local emergency number"));
  }

  /** A flag on the risk item puts the risk section first, with the urgent line; a blank says so. */
  @Test
  void clientText_withARiskFlag_putsRiskFirst_andABlankItemIsNamed() {
    ExpectationReport flagged = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 9)
        .withItems(ClientProfile.ItemResponses.of(1, 1, 1, 1, 1, 1, 1, 1, 1).atSession(0)), 1L);
    String t = flat(ClientRenderer.withDefaults().text(flagged));
    assertTrue(t.indexOf("Thoughts of harming yourself") < t.indexOf("Of 100 people"), t);
    assertEquals(1, t.split("Thoughts of harming yourself", -1).length - 1, "said once");
    assertTrue(t.contains("you gave an answer above zero to question 9."));
    assertTrue(t.contains("call your local emergency number now."));
    List<java.util.OptionalInt> blank = new ArrayList<>();
    for (int k = 0; k < 8; k++) {
      blank.add(java.util.OptionalInt.of(2));
    }
    blank.add(java.util.OptionalInt.empty());
    ExpectationReport unanswered = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9,
        16).withItems(new ClientProfile.ItemResponses(java.util.OptionalInt.empty(), blank)), 1L);
    String u = flat(ClientRenderer.withDefaults().text(unanswered));
    assertTrue(u.contains("On your latest form, question 9 was left blank."), u);
  }

  /** The patterns of change, most likely first, with "many people" when the fit's size is unknown. */
  @Test
  void clientText_listsThePatternsMostLikelyFirst() {
    ExpectationReport r = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 18)
        .withClasses(FittedClasses.of(FittedClassesTest.fourClasses(2.5), "test", Map.of())), 4L);
    String t = flat(ClientRenderer.withDefaults().text(r));
    assertTrue(t.contains("A computer model sorted the scores of many people into 4 patterns."), t);
    // the class shares 25, 35, 30 and 10 at the intake alone: most likely first
    assertTrue(t.contains("- about 35 follow a pattern where scores get much better by about"
        + " session 11 - about 30 follow a pattern where scores change little - about 25 follow a"
        + " pattern where scores get much better by about session 3 - about 10 follow a pattern"
        + " where scores get worse"), t);
  }

  /** A number with at most {@code d} decimals, as the English reports write it. */
  private static String num(double v, int d) {
    return new java.math.BigDecimal(Double.toString(v)).setScale(d, java.math.RoundingMode.HALF_EVEN)
        .stripTrailingZeros().toPlainString();
  }

  /**
   * The therapist's text of a full profile says each part with its numbers: the basis, the
   * update's weights and levels, every horizon's column, the milestone with its range, the ranges
   * varied and their sources, the checkpoint from the first horizon's percentiles, engagement
   * beside typical figures, the chronic outlook and the notices; a bare profile on a scale where
   * higher is better says what is not known and reads its percentiles the other way.
   */
  @Test
  void therapistText_saysEachPartWithItsNumbers_andLeavesOutWhatTheProfileLacks() {
    ExpectationReport r = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 18)
        .withReadiness(io.candor.domain.ReadinessStage.ACTION)
        .withCourse(io.candor.domain.Course.CHRONIC).withObserved(1, 17).withObserved(2, 16)
        .withAttendance(6, 2).withHomework(4, 1), 5L);
    String t = flat(TherapistRenderer.withDefaults().text(r));
    assertTrue(t.contains("- PHQ-9 intake score 18; 20 sessions planned. - Course: long-lasting"
        + " (chronic). - Readiness stage at intake: action (acts on the simulated rate of change and"
        + " dropout). - Observed since intake: session 1: 17, session 2: 16."), t);
    CourseUpdate u = r.update().orElseThrow();
    assertTrue(t.contains("Weights of the observed sessions in its estimate of the current level:"
        + " session 1: " + num(u.weights().get(0), 2) + ", session 2: " + num(u.weights().get(1), 2)
        + ". The client's weighted level is " + num(u.level(), 1) + "; comparable simulated clients"
        + " still attending at session 2 had " + num(u.comparableLevel(), 1) + " on average ("
        + String.format(Locale.ENGLISH, "%,d", u.comparableClients()) + " clients)."), t);
    String html = TherapistRenderer.withDefaults().html(r);
    assertTrue(html.contains("<th>Outcome</th><th>Session 8</th><th>Session 12</th>"
        + "<th>Session 20</th>"), html);
    assertEquals(7, html.split("<td>(reliable improvement|no reliable change|reliable deterioration"
        + "|stopped attending|recovery|no recovery|stable or better)</td>", -1).length - 1);
    Milestone half = r.halfImproved().orElseThrow();
    assertTrue(half.latestBeyondPlan() ? t.contains("under some plausible parameters not by session 20")
        : t.contains("reliably improved by session " + num(half.session(), 1) + " (between session "
            + num(half.earliest(), 1) + " and " + num(half.latest(), 1) + " across the plausible"
            + " ranges)."), t);
    assertTrue(t.contains("each of these parameters is set to either end of its plausible range ("
        + "Howard et al. 1986, Swift and Greenberg 2012, Lambert 2013"), t);
    assertTrue(t.contains("on 500 clients with the same random streams: rate of improvement"
        + " (paths.resolvableRate, paths.episodicRate, paths.chronicRate), dropout hazard"
        + " (dropout.hazard), share who get worse (deterioration.proportion)."), t);
    CurvePoint at8 = r.curve().get(8);
    assertEquals(8, at8.session());
    assertTrue(t.contains("At session 8, half of the comparable clients score " + num(at8.median(), 0)
        + " or lower. A score above " + num(at8.p75(), 0) + " (worse than 3 in 4 of them) or above "
        + num(at8.p90(), 0) + " (worse than 9 in 10)"), t);
    assertTrue(html.contains("<tr><td>8</td><td>" + num(at8.median(), 0) + "</td><td>"
        + num(at8.p25(), 0) + " to " + num(at8.p75(), 0) + "</td><td>" + num(at8.p10(), 0) + " to "
        + num(at8.p90(), 0) + "</td>"), "the curve's row of session 8");
    NaturalFrequency drop = r.probability(Outcome.DROPOUT, 12).orElseThrow().naturalFrequency();
    assertTrue(t.contains("About " + drop.count() + " in 100 comparable clients stop attending"
        + " before session 12 (range " + drop.lower() + " to " + drop.upper() + ")."));
    assertTrue(t.contains("Missed appointments: 2 of 6 offered (33.3 %); typical in mental-health"
        + " services: about 20.0 % (Mitchell and Selmes 2007, primary (seen in the source))."), t);
    assertTrue(t.contains("Homework: 1 of 4 tasks done (25.0 %). Homework compliance correlates"
        + " modestly with outcome, r = 0.22 to 0.26"), t);
    assertTrue(t.contains("Readiness stage action: pretreatment stage is associated with outcome,"
        + " d = 0.46 (Norcross et al. 2011, primary (seen in the source))"), t);
    assertTrue(t.contains("(d = 0.23; Cuijpers et al. 2010, primary (seen in the source)), with"
        + " indications that at least 18 sessions are needed"), t);
    assertTrue(t.contains("about 29.0 % relapse within a year"), t);
    assertTrue(t.contains("Notices ------- - Item responses were not given: the risk items were not"
        + " seen."), t);
    assertTrue(t.contains("(2,000 clients starting at this intake score, seed 5)"), t);
    assertTrue(t.contains("reliable-change threshold (6 points) and caseness cutoff (10)."), t);

    ExpectationReport bare = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.ORS, 15.3),
        5L);
    String b = flat(TherapistRenderer.withDefaults().text(bare));
    assertTrue(b.contains("- ORS intake score 15.3; 20 sessions planned. - Course: not known (the"
        + " calibrated case mix is used). - Readiness stage: not known (the calibrated mix of stages"
        + " is used). Outcomes for clients like this one"), b);
    assertFalse(b.contains("Observed since intake") || b.contains("The observed scores update")
        || b.contains("Risk items") || b.contains("Chronic course") || b.contains("Readiness stage "
        + "action"), b);
    assertTrue(b.contains("Missed appointments: not recorded.") && b.contains("Homework: not"
        + " recorded."), b);
    CurvePoint o8 = bare.curve().get(8);
    assertTrue(b.contains("At session 8, half of the comparable clients score " + num(o8.median(), 1)
        + " or higher. A score below " + num(o8.p25(), 1) + " (worse than 3 in 4 of them) or below "
        + num(o8.p10(), 1) + " (worse than 9 in 10)"), b);
    assertTrue(b.contains("Notices ------- - The simulator is calibrated for PHQ-9; for ORS it maps"), b);
    ExpectationReport none = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 18)
        .withItems(ClientProfile.ItemResponses.of(3, 3, 3, 3, 2, 2, 2, 0, 0).atSession(0)), 5L);
    String n = flat(TherapistRenderer.withDefaults().text(none));
    assertFalse(n.contains("Notices"), "no notice applies");
    assertTrue(n.startsWith("Expectation report for the therapist " + "=".repeat(36) + " Risk items"
        + " ---------- - PHQ-9: no risk item was answered above its lowest response on the form"
        + " given. A response of zero does not rule risk out"), n);
  }

  /**
   * The service text adds up a caseload: the risk lines for flagged, unflagged and unseen clients,
   * each outcome's expected count with its range rounded outwards, recovery among those who started
   * in the clinical range, and a row per client.
   */
  @Test
  void serviceText_saysTheCaseloadsCountsRisksAndRows() {
    ExpectationReport flagged = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 9)
        .withItems(ClientProfile.ItemResponses.of(1, 1, 1, 1, 1, 1, 1, 1, 1).atSession(0)), 1L);
    ExpectationReport seen = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 18)
        .withItems(ClientProfile.ItemResponses.of(3, 3, 3, 3, 2, 2, 2, 0, 0).atSession(0)), 2L);
    ExpectationReport unseen = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 15),
        3L);
    List<String> ids = List.of("a", "b", "c");
    List<ExpectationReport> all = List.of(flagged, seen, unseen);
    ServiceSummary s = ServiceRenderer.withDefaults().summarise(ids, all);
    String t = flat(ServiceRenderer.withDefaults().text(ids, all));
    assertTrue(t.startsWith("Expected outcomes across a caseload " + "=".repeat(35) + " 3 clients;"
        + " the numbers are at session 12"), t);
    assertTrue(t.contains("Risk items ---------- - Clients with a risk-item flag for clinician"
        + " review (1 of 3): a. - Item responses were not given for 1 of 3 clients: their risk"
        + " items were not seen. Of the 3 clients, at session 12:"), t);
    for (ExpectedCount c : s.outcomes()) {
      String name = Map.of(Outcome.RELIABLE_IMPROVEMENT, "reliable improvement",
          Outcome.NO_RELIABLE_CHANGE, "no reliable change", Outcome.RELIABLE_DETERIORATION,
          "reliable deterioration", Outcome.DROPOUT, "stopped attending").get(c.outcome());
      assertTrue(t.contains("- " + name + ": about " + Math.round(c.expected()) + " (range "
          + (long) Math.floor(c.lower()) + " to " + (long) Math.ceil(c.upper()) + ")"), name + t);
    }
    ExpectedCount rec = s.recovery().orElseThrow();
    assertEquals(2, rec.of(), "the client at 9 started outside the clinical range");
    assertTrue(t.contains("Of the 2 clients who started in the clinical range, about "
        + Math.round(rec.expected()) + " (range " + (long) Math.floor(rec.lower()) + " to "
        + (long) Math.ceil(rec.upper()) + ") score outside it at session 12."), t);
    assertTrue(t.contains("about 20.0 % (Mitchell and Selmes 2007)"));
    String html = ServiceRenderer.withDefaults().html(ids, all);
    Probability better = flagged.probability(Outcome.RELIABLE_IMPROVEMENT, 12).orElseThrow();
    Probability drop = flagged.probability(Outcome.DROPOUT, 12).orElseThrow();
    assertTrue(html.contains("<tr><td>a</td><td>PHQ-9 9</td><td>"
        + String.format(Locale.ENGLISH, "%.1f", 100 * better.estimate()) + " %</td><td>"
        + String.format(Locale.ENGLISH, "%.1f", 100 * drop.estimate()) + " %</td><td>1</td></tr>"),
        html);
    assertTrue(html.contains("<td>0</td></tr>") && html.contains("<td>not seen</td></tr>"));

    assertEquals(List.of("Risk items", "Clients"), headings(ServiceRenderer.withDefaults()
        .text(ids, all)));
    assertTrue(t.contains("2.5 % point of the count when every client has the low end of their"
        + " range to the 97.5 % point when every client has the high end"), t);
    assertTrue(t.endsWith("They are not targets, and they do not rank therapists or clients. "), t);
    String none = flat(ServiceRenderer.withDefaults().text(List.of("b"), List.of(seen)));
    assertTrue(none.contains("1 client; the numbers are at session 12"), none);
    assertTrue(none.contains("Risk items ---------- - No client whose items were seen has a"
        + " risk-item flag."), none);
    assertFalse(none.contains("were not given"));
    String blind = flat(ServiceRenderer.withDefaults().text(List.of("c"), List.of(unseen)));
    assertFalse(blind.contains("No client whose items were seen"), "nobody's items were seen");
    assertTrue(blind.contains("not given for 1 of 1 client:"), blind);
    String below = flat(ServiceRenderer.withDefaults().text(List.of("a"), List.of(flagged)));
    assertFalse(below.contains("who started in the clinical range"), "nobody did");
    assertEquals(flat(ServiceRenderer.withDefaults().text(List.of("client"), List.of(seen))),
        flat(ServiceRenderer.withDefaults().text(seen)), "one report is a caseload of one");
    assertTrue(flat(ServiceRenderer.withDefaults().withHorizon(20).text(ids, all))
        .contains("3 clients; the numbers are at session 20"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ServiceSummary.of(
        List.of("a", " "), List.of(flagged, seen), 12)).getMessage().contains("client label"));
  }

  @Test
  void renderers_compareByTypeLanguageAndSession_andSayWhichTheyAre() {
    assertEquals(ClientRenderer.withDefaults(), ClientRenderer.withDefaults());
    assertEquals(ClientRenderer.withDefaults().hashCode(), ClientRenderer.withDefaults().hashCode());
    assertFalse(ClientRenderer.withDefaults().equals(TherapistRenderer.withDefaults()));
    assertFalse(ClientRenderer.withDefaults().withHorizon(8)
        .equals(ClientRenderer.withDefaults().withHorizon(12)));
    assertFalse(ClientRenderer.withDefaults().equals(null));
    assertEquals("ClientRenderer[en, horizon default]", ClientRenderer.withDefaults().toString());
    assertEquals("ServiceRenderer[xx, horizon 8]", ServiceRenderer.withDefaults()
        .withLocale(Locale.forLanguageTag("xx")).withHorizon(8).toString());
  }

  /** The headings of a plain-text report, in order (a heading is underlined with dashes). */
  private static List<String> headings(String text) {
    String[] lines = text.split("\n");
    List<String> out = new ArrayList<>();
    for (int k = 1; k < lines.length; k++) {
      if (!lines[k].isEmpty() && lines[k].matches("-+") && lines[k].length() == lines[k - 1].length()) {
        out.add(lines[k - 1]);
      }
    }
    return out;
  }

  /** Every section of a report with every part of the profile, in order, with its lead text. */
  @Test
  void reportsOfAFullProfile_haveEverySectionInOrder() {
    ExpectationReport r = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 18)
        .withReadiness(io.candor.domain.ReadinessStage.ACTION)
        .withCourse(io.candor.domain.Course.CHRONIC).withObserved(1, 17).withObserved(2, 16)
        .withAttendance(6, 2).withHomework(4, 1).withClasses(FittedClasses.of(
            FittedClassesTest.fourClasses(2.5), "test classes", Map.of())), 5L);
    String therapist = TherapistRenderer.withDefaults().text(r);
    assertEquals(List.of("Risk items", "Client and basis", "Outcomes for clients like this one",
        "What the ranges hold", "Expected scores", "What to watch",
        "Engagement (context, not prediction)", "Chronic course: what success can mean",
        "Latent trajectory classes", "Notices", "Method and sources",
        "What the numbers do not mean"), headings(therapist));
    String t = flat(therapist);
    assertTrue(t.contains("------- Share of clients like this one at each session, with the range"
        + " to quote"), t);
    assertTrue(t.contains("--------------- Scores of comparable clients still attending each"
        + " session (median, middle half, middle 80 %), and the share still attending."), t);
    assertTrue(t.contains("beside its share in the fitted data (Nagin 1999, Stulz et al. 2007,"
        + " Saunders et al. 2019). Certainty: assumption"), t);
    assertTrue(t.contains(". Sources: - "), "the source list's lead");
    String client = ClientRenderer.withDefaults().text(r);
    assertEquals(List.of("When problems have lasted a long time", "Patterns of change",
        "Coming to sessions and tasks between them", "Thoughts of harming yourself",
        "Where these numbers come from", "What these numbers do not mean"), headings(client));
    NaturalFrequency stable = r.probability(Outcome.STABLE_OR_BETTER, 12).orElseThrow()
        .naturalFrequency();
    assertTrue(flat(client).contains("Of 100 people like you, " + about(stable)
        + " are the same or better after 12 sessions."), client);
  }

  /** With a plan too short for half to improve, both texts say fewer than half by its end. */
  @Test
  void aPlanTooShortForHalfToImprove_isSaidSo() {
    ExpectationReport r = ExpectationsTest.SMALL.report(ClientProfile.of(Instruments.PHQ9, 18)
        .withPlannedSessions(2), 5L);
    assertTrue(r.halfImproved().isEmpty());
    assertTrue(flat(TherapistRenderer.withDefaults().text(r)).contains("Fewer than half of the"
        + " comparable clients still attending are reliably improved by session 2."));
    assertTrue(flat(ClientRenderer.withDefaults().text(r)).contains("Fewer than half of the people"
        + " like you are much better by session 2."));
  }
}
