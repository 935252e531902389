package io.candor.examples.cli;

import static io.candor.examples.cli.CliBadInputTest.assertBad;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code fit} and {@code expect} bad-input paths found in the QA pass. */
class ExpectFitBadInputTest {

  @TempDir static Path dir;
  static Path model;
  static Path twoClients;

  @BeforeAll
  static void writeFiles() throws IOException {
    StringBuilder csv = new StringBuilder("id,session,score\n");
    double[][] panel = {{20, 17, 15, 14}, {18, 16, 13, 12}, {22, 21, 18, 17}, {19, 15, 14, 11}, {24, 22, 19, 16}};
    for (int c = 0; c < panel.length; c++) {
      for (int s = 0; s < panel[c].length; s++) {
        csv.append("c").append(c).append(',').append(s).append(',').append(panel[c][s]).append('\n');
      }
    }
    Path data = Files.writeString(dir.resolve("panel.csv"), csv);
    CandorCliTest.Run f = CandorCliTest.run("fit", "--input", data.toString(), "--id", "id", "--time", "session",
        "--score", "score", "--json");
    assertEquals(0, f.status(), f.err());
    model = Files.writeString(dir.resolve("model.json"), f.out());
    twoClients = Files.writeString(dir.resolve("two.csv"), "id,s,y\na,0,1\na,1,2\nb,0,3\nb,1,4\n");
  }

  @Test
  void expect_boundsTheHorizon() {
    assertBad("--sessions must be between 0 and 520, was 100000000",
        "expect", "--model", model.toString(), "--intake", "20", "--sessions", "100000000");
    assertBad("--observed session must be at most 520",
        "expect", "--model", model.toString(), "--intake", "20", "--observed", "1:15,999:14");
  }

  @Test
  void expect_rejectsEmptyObservedItems() {
    assertBad("--observed item 2 is empty", "expect", "--model", model.toString(), "--intake", "20",
        "--observed", "1:15,");
    assertBad("--observed item 1 is empty", "expect", "--model", model.toString(), "--intake", "20",
        "--observed", ",");
  }

  @Test
  void expect_namesTheMissingModelField() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"format\": \"candor\", \"formatVersion\": 1,"
        + " \"type\": \"ExpectedResponseModel\", \"value\": {\"basis\": \"LINEAR\"}}");
    assertBad("expectedResponseModel.knot is missing", "expect", "--model", bad.toString(), "--intake", "3");
  }

  @Test
  void fit_givesCommandLineAdvice() {
    assertBad("--random intercept on the command line", "fit", "--input", twoClients.toString(), "--id", "id", "--time", "s",
        "--score", "y");
  }

  @Test
  void fit_withInstrument_checksEveryScoreAndNamesTheLine() throws IOException {
    Path csv = Files.writeString(dir.resolve("phq.csv"), "id,session,score\na,0,20\na,1,31\n");
    assertBad("line 3, column 3 (score): phq-9 score must be between 0 and 27, was 31", "fit", "--input", csv.toString(),
        "--id", "id", "--time", "session", "--score", "score", "--instrument", "PHQ-9");
    assertBad("unknown instrument \"phq-10\"", "fit", "--input", csv.toString(),
        "--id", "id", "--time", "session", "--score", "score", "--instrument", "PHQ-10");
  }

  @Test
  void fit_withInstrument_fitsValidScores() {
    Path panel = dir.resolve("panel.csv");
    CandorCliTest.Run r = CandorCliTest.run("fit", "--input", panel.toString(), "--id", "id", "--time", "session",
        "--score", "score", "--instrument", "PHQ-9");
    assertEquals(0, r.status(), r.err());
  }

  @Test
  void expect_withInstrument_checksIntakeAndObservedScores() {
    assertBad("phq-9 --intake must be between 0 and 27, was -5", "expect", "--model", model.toString(),
        "--intake", "-5", "--instrument", "PHQ-9");
    assertBad("--observed score at session 2 must be between 0 and 27, was 40", "expect", "--model",
        model.toString(), "--intake", "20", "--observed", "1:15,2:40", "--instrument", "PHQ-9");
    CandorCliTest.Run ok = CandorCliTest.run("expect", "--model", model.toString(), "--intake", "20",
        "--observed", "1:15,2:14", "--instrument", "PHQ-9");
    assertEquals(0, ok.status(), ok.err());
  }
}
