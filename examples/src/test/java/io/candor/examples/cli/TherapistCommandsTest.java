package io.candor.examples.cli;

import static io.candor.examples.cli.CandorCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.caseload.CaseloadOutlook;
import io.candor.caseload.CaseloadRun;
import io.candor.caseload.WellbeingReport;
import io.candor.examples.cli.CandorCliTest.Run;
import io.candor.json.CandorJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code candor wellbeing}, {@code candor caseload} and {@code candor caseload-sim}. */
class TherapistCommandsTest {

  @TempDir Path dir;

  private static final String PROQOL_ITEMS =
      "3,4,2,3,2,4,2,3,2,3,2,4,2,3,3,4,3,4,2,4,2,4,2,4,2,3,4,2,3,4";

  @Test
  void wellbeing_printsScalesBandsReliableChangeAndCaveats() throws IOException {
    Path history = dir.resolve("history.csv");
    Files.writeString(history, "date,CS,BO,STS,caseload,share_chronic\n"
        + "2025-03-03,40,19,18,22,0.25\n2025-04-07,,,,26,\n");
    Run r = run("wellbeing", "--instrument", "ProQOL-5", "--items", PROQOL_ITEMS, "--date",
        "2025-06-02", "--history", history.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Burnout score: 28, in the moderate band (23-41). Up 9 points since"
        + " 2025-03-03 (19); measurement error alone can explain changes of up to 7.6 points, so"
        + " this change is larger than measurement error alone would produce."), r.out());
    assertTrue(r.out().contains("not a diagnostic tool"));
    assertTrue(r.out().contains("Heritage et al. 2018"));
    assertTrue(r.out().contains("2025-04-07: caseload 26"));
    assertTrue(r.out().contains("not a prediction about you"));
    assertTrue(r.out().contains("www.ProQOL.org"));
    assertFalse(r.out().toLowerCase(java.util.Locale.ROOT).contains("burnt out"));
  }

  @Test
  void wellbeing_jsonHasScalesWithScoreBandAndReliableChange() {
    Run r = run("wellbeing", "--instrument", "CBI", "--items",
        "2,2,3,2,1,2,3,3,2,1,2,3,2,1,1,2,1,1,0", "--date", "2025-06-02", "--json");
    assertEquals(0, r.status(), r.err());
    WellbeingReport report = CandorJson.fromJson(r.out(), WellbeingReport.class);
    assertEquals(3, report.scales().size());
    assertEquals("personal", report.scales().get(0).scale());
    assertEquals(50, report.scales().get(0).score(), 1e-12);
    assertEquals("50 or above", report.scales().get(0).band().orElseThrow());
    assertTrue(report.scales().get(0).reliableChange().isPresent());
    assertTrue(r.out().contains("\"reliableChange\""));
  }

  @Test
  void wellbeing_mbiTakesEnteredSums() {
    Run r = run("wellbeing", "--instrument", "MBI-HSS", "--scores", "EE=27,DP=9,PA=33",
        "--date", "2025-06-02");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Emotional Exhaustion score: 27."), r.out());
    assertEquals(2, run("wellbeing", "--instrument", "MBI-HSS", "--items", PROQOL_ITEMS).status());
  }

  @Test
  void wellbeing_badInputExits2WithTheReason() throws IOException {
    Run wrongCount = run("wellbeing", "--instrument", "ProQOL-5", "--items", "3,4,2");
    assertEquals(2, wrongCount.status());
    assertTrue(wrongCount.err().contains("ProQOL-5 needs exactly 30 item responses, was 3"),
        wrongCount.err());
    Run outOfRange = run("wellbeing", "--instrument", "ProQOL-5", "--items",
        PROQOL_ITEMS.replaceFirst("^3", "7"));
    assertTrue(outOfRange.err().contains("ProQOL-5 item 1 must be 1-5, was 7"), outOfRange.err());
    Run missing = run("wellbeing", "--instrument", "CBI", "--items",
        ",,,,2,2,3,3,2,1,2,3,2,1,1,2,1,1,0");
    assertEquals(2, missing.status());
    assertTrue(missing.err().contains("Personal burnout: 4 of 6 items are missing"), missing.err());
    Run notANumber = run("wellbeing", "--instrument", "CBI", "--items", "x,2");
    assertTrue(notANumber.err().contains("--items: item 1 must be a whole number or empty"));
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "date,BO\n2025-03-03,55\n");
    Run badHistory = run("wellbeing", "--instrument", "ProQOL-5", "--items", PROQOL_ITEMS,
        "--history", bad.toString());
    assertEquals(2, badHistory.status());
    assertTrue(badHistory.err().contains("bad.csv line 2") && badHistory.err().contains("50"),
        badHistory.err());
    Files.writeString(bad, "date,XX\n2025-03-03,30\n");
    assertTrue(run("wellbeing", "--instrument", "ProQOL-5", "--items", PROQOL_ITEMS, "--history",
        bad.toString()).err().contains("\"XX\" is neither a scale of ProQOL-5"));
    assertEquals(2, run("wellbeing", "--instrument", "ProQOL-4", "--items", "1").status());
  }

  @Test
  void wellbeing_quotesTheUsersTextWithItsControlCharactersEscaped() throws IOException {
    // found by the CLI fuzz target: an instrument id holding a tab was shown raw
    Run id = run("wellbeing", "--instrument", "\tat OL-5", "--items", "3,4");
    assertEquals(2, id.status());
    assertEquals("candor: unknown multi-scale instrument \"\\u0009at OL-5\"; known: ProQOL-5,"
        + " CBI, STSS, MBI-HSS", id.err().strip());
    Path bad = dir.resolve("tab.csv");
    Files.writeString(bad, "date,X\tX\n2025-03-03,30\n");
    Run header = run("wellbeing", "--instrument", "ProQOL-5", "--items", PROQOL_ITEMS,
        "--history", bad.toString());
    assertEquals(2, header.status());
    assertTrue(header.err().contains("column 2: \"X\\u0009X\" is neither a scale of ProQOL-5"),
        header.err());
    Files.writeString(bad, "date,bo,BO\n2025-03-03,30,30\n");
    assertTrue(run("wellbeing", "--instrument", "ProQOL-5", "--items", PROQOL_ITEMS, "--history",
        bad.toString()).err().contains("line 1: column \"BO\" appears twice"));
  }

  private Path caseloadCsv() throws IOException {
    Path f = dir.resolve("caseload.csv");
    Files.writeString(f, "client,session,phq9,course\n"
        + "a,0,18,unknown\na,1,17,unknown\na,2,15,unknown\n"
        + "b,0,22,chronic\nb,1,21,chronic\n"
        + "c,0,15,resolvable\nc,1,12,resolvable\nc,2,10,resolvable\nc,3,9,resolvable\n"
        + "d,0,19,unknown\n");
    return f;
  }

  @Test
  void caseload_givesTheOutcomeMixWithRangesAndJson() throws IOException {
    Path f = caseloadCsv();
    Run text = run("caseload", "--input", f.toString(), "--id", "client", "--time", "session",
        "--score", "phq9", "--instrument", "PHQ-9", "--course", "course", "--horizon", "12");
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().startsWith("Of your 4 clients, about "), text.out());
    assertTrue(text.out().contains("not a judgment of your work"));
    Run json = run("caseload", "--input", f.toString(), "--id", "client", "--time", "session",
        "--score", "phq9", "--instrument", "PHQ-9", "--horizon", "12", "--json");
    assertEquals(0, json.status(), json.err());
    CaseloadOutlook o = CandorJson.fromJson(json.out(), CaseloadOutlook.class);
    assertEquals(5, o.outcomes().size());
    assertTrue(json.out().contains("\"outcomes\""));
    assertTrue(json.out().contains("\"expected\"") && json.out().contains("\"lower\"")
        && json.out().contains("\"upper\""));
  }

  @Test
  void caseload_aHorizonBeforeTheCurrentSessionIsRefused() throws IOException {
    Run r = run("caseload", "--input", caseloadCsv().toString(), "--id", "client", "--time",
        "session", "--score", "phq9", "--instrument", "PHQ-9", "--horizon", "2");
    assertEquals(2, r.status());
    assertEquals("candor: --horizon must be at least every client's latest session, was 2 but"
        + " client c has a score at session 3", r.err().strip());
  }

  @Test
  void caseloadSim_printsSeriesAndCompositionAndIsThreadIndependent() throws IOException {
    Path weekly = dir.resolve("weekly.csv");
    Run r = run("caseload-sim", "--referrals-per-week", "1.7", "--capacity", "20", "--weeks", "70",
        "--seed", "7", "--therapists", "6", "--threads", "1", "--csv", weekly.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Little's law"), r.out());
    assertTrue(r.out().contains("clients who improve leave sooner"), r.out());
    List<String> csv = Files.readAllLines(weekly);
    assertEquals(71, csv.size());
    assertTrue(csv.get(0).startsWith("week,referrals,started,waiting,caseload,sessions,traumaSessions,"));
    Run json1 = run("caseload-sim", "--referrals-per-week", "1.7", "--capacity", "20", "--weeks",
        "70", "--seed", "7", "--therapists", "6", "--threads", "1", "--json");
    Run json2 = run("caseload-sim", "--referrals-per-week", "1.7", "--capacity", "20", "--weeks",
        "70", "--seed", "7", "--therapists", "6", "--threads", "2", "--json");
    assertEquals(json1.out(), json2.out());
    CaseloadRun run = CandorJson.fromJson(json1.out(), CaseloadRun.class);
    assertEquals(70, run.weeks().size());
    assertTrue(run.composition().isPresent());
  }

  @Test
  void caseloadSim_badInputExits2() {
    Run negative = run("caseload-sim", "--referrals-per-week", "1", "--capacity", "-3", "--weeks",
        "52");
    assertEquals(2, negative.status());
    assertTrue(negative.err().contains("capacity (sessions per week) must be between 0 and 10000,"
        + " was -3"), negative.err());
    Run shortRun = run("caseload-sim", "--referrals-per-week", "1", "--capacity", "10", "--weeks",
        "10");
    assertEquals("candor: --warm-up 26 (the default) must be fewer weeks than --weeks 10: the"
        + " composition leaves out the first --warm-up weeks while the caseload fills; give"
        + " --weeks above 26 or a smaller --warm-up\n", shortRun.err().replace("\r", ""));
    assertEquals(2, run("caseload-sim", "--referrals-per-week", "-1", "--capacity", "10",
        "--weeks", "52").status());
    assertEquals(2, run("caseload-sim", "--referrals-per-week", "1", "--capacity", "10",
        "--weeks", "52", "--extension", "sometimes").status());
  }
}
