package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.caseload.CaseloadModel;
import io.candor.caseload.Referrals;
import io.candor.charts.CaseloadChart;
import io.candor.charts.FanChart;
import io.candor.charts.IconArray;
import io.candor.charts.TrajectoryChart;
import io.candor.json.ExpectedResponseModels;
import io.candor.measure.Instruments;
import io.candor.progress.AlertRules;
import io.candor.progress.ExpectedResponse;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.Simulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --svg} and {@code --png} on the commands whose result has a picture. */
class ChartOptionsTest {

  @TempDir Path dir;

  @Test
  void expect_drawsTheLibrarysTrajectoryChart() throws IOException {
    Path svg = dir.resolve("client.svg");
    Path png = dir.resolve("client.png");
    var r = CandorCliTest.run("expect", "--intake", "20",
        "--observed", "1:19,2:16,3:17", "--instrument", "PHQ-9", "--svg", svg.toString(), "--png",
        png.toString());
    assertEquals(0, r.status(), r.err());
    var curve = ExpectedResponse.of(ExpectedResponseModels.reference(Instruments.PHQ9))
        .withPercentiles(0.10, 0.25, 0.75, 0.90).withScale(Instruments.PHQ9)
        .prepare(20, 12, AlertRules.withDefaults());
    var expected = TrajectoryChart.withDefaults().withScoreLabel("PHQ-9 score")
        .with(ChartOptions.style())
        .draw(curve, 20, new int[] {1, 2, 3}, new double[] {19, 16, 17});
    assertEquals(expected.toSvg(), Files.readString(svg, StandardCharsets.UTF_8));
    assertArrayEquals(expected.toPng(), Files.readAllBytes(png));
    assertTrue(expected.description().contains("session 3 17"), expected.description());
  }

  @Test
  void survival_drawsKaplanMeierWithTheMedianInItsDescription() throws IOException {
    Path data = dir.resolve("sgdata.csv");
    try (InputStream in = PatternsCommand.class.getResourceAsStream("sgdata.csv")) {
      Files.copy(in, data);
    }
    Path svg = dir.resolve("km.svg");
    var r = CandorCliTest.run("survival", "--input", data.toString(), "--id", "id", "--time",
        "session", "--score", "bdi", "--instrument", "BDI-II", "--event", "reliable-improvement",
        "--svg", svg.toString());
    assertEquals(0, r.status(), r.err());
    String text = Files.readString(svg, StandardCharsets.UTF_8);
    assertTrue(text.contains("<title id='"), text.substring(0, 400));
    assertTrue(text.contains(">Time to reliable improvement on BDI-II</title>"),
        text.substring(0, 600));
    String median = r.out().lines().filter(l -> l.contains("median")).findFirst().orElseThrow();
    assertTrue(median.contains("median"), median);
    assertTrue(text.contains("events, median "), text.substring(0, 900));
  }

  @Test
  void simulateSummary_drawsTheFanOfTheSameCohort() throws IOException {
    Path svg = dir.resolve("fan.svg");
    var r = CandorCliTest.run("simulate", "--clients", "3000", "--seed", "7", "--summary",
        "--svg", svg.toString());
    assertEquals(0, r.status(), r.err());
    var summary = Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9))
        .summarise(7, 3000, Arm.TREATED, 1);
    String expected = FanChart.withDefaults().withScoreLabel("PHQ-9 score").withCutoff(10)
        .with(ChartOptions.style()).draw(summary).toSvg();
    assertEquals(expected, Files.readString(svg, StandardCharsets.UTF_8));
  }

  @Test
  void therapists_drawsTheFunnelOfTheComparison() throws IOException {
    TherapistsCommandTest.dir = dir;
    TherapistsCommandTest.writeFiles();
    Path svg = dir.resolve("funnel.svg");
    Path png = dir.resolve("funnel.png");
    var r = CandorCliTest.run(TherapistsCommandTest.args(TherapistsCommandTest.clients, "--svg",
        svg.toString(), "--png", png.toString()));
    assertEquals(0, r.status(), r.err());
    String text = Files.readString(svg, StandardCharsets.UTF_8);
    assertTrue(text.contains("<desc id='") && text.contains("Funnel plot of 6 therapists"),
        text.substring(0, 700));
    assertTrue(text.contains("not a verdict on a person"));
    byte[] bytes = Files.readAllBytes(png);
    assertEquals((byte) 0x89, bytes[0]);
    assertEquals('P', bytes[1]);
  }

  @Test
  void caseloadSim_drawsTheCompositionOfTheLibrarysRun() throws IOException {
    Path svg = dir.resolve("caseload.svg");
    var r = CandorCliTest.run("caseload-sim", "--referrals-per-week", "1.7", "--capacity", "20",
        "--weeks", "40", "--seed", "7", "--therapists", "3", "--threads", "1", "--svg",
        svg.toString());
    assertEquals(0, r.status(), r.err());
    var run = CaseloadModel.withDefaults().with(Referrals.poisson(1.7)).withCapacity(20)
        .with(ExpectedResponseModels.reference(Instruments.PHQ9)).simulate(7L, 3, 40, 1);
    assertEquals(CaseloadChart.withDefaults().with(ChartOptions.style()).draw(run).toSvg(),
        Files.readString(svg, StandardCharsets.UTF_8));
  }

  @Test
  void caseload_drawsTheOutcomeMixAsAnIconArray() throws IOException {
    Path csv = dir.resolve("caseload.csv");
    Files.writeString(csv, "client,session,phq9\na,0,18\na,1,17\na,2,15\nb,0,22\nb,1,21\n"
        + "c,0,15\nc,1,12\nc,2,10\nc,3,9\nd,0,19\n");
    Path svg = dir.resolve("mix.svg");
    var r = CandorCliTest.run("caseload", "--input", csv.toString(), "--id", "client", "--time",
        "session", "--score", "phq9", "--instrument", "PHQ-9", "--horizon", "12", "--json",
        "--svg", svg.toString());
    assertEquals(0, r.status(), r.err());
    var outlook = io.candor.json.CandorJson.fromJson(r.out(),
        io.candor.caseload.CaseloadOutlook.class);
    String text = Files.readString(svg, StandardCharsets.UTF_8);
    for (var c : IconArray.fromOutlook(outlook).categories()) {
      assertTrue(text.contains(" " + c.count() + " " + c.label()), c + " in the description");
    }
    assertTrue(text.contains(">Out of 100 clients on this caseload, by session 12</title>"));
  }

  @Test
  void chartOptions_withoutAPicture_orToAMissingFolder_areClearErrors() throws IOException {
    var r = CandorCliTest.run("simulate", "--clients", "10", "--out",
        dir.resolve("c.csv").toString(), "--svg", dir.resolve("x.svg").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("candor: --svg and --png draw the fan chart of --summary"),
        r.err());
    assertFalse(Files.exists(dir.resolve("x.svg")));
    r = CandorCliTest.run("simulate", "--clients", "10", "--summary", "--csv",
        dir.resolve("same").toString(), "--png", dir.resolve("same").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("candor: --csv and --png name the same file"), r.err());
    Path nowhere = dir.resolve("no-such-folder").resolve("fan.png");
    r = CandorCliTest.run("simulate", "--clients", "10", "--summary", "--png",
        nowhere.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("candor: cannot write " + nowhere), r.err());
  }
}
