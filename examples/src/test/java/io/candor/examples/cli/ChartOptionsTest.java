package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.caseload.CaseloadModel;
import io.candor.caseload.Referrals;
import io.candor.charts.CaseloadChart;
import io.candor.charts.Chart;
import io.candor.charts.ClassCurvesChart;
import io.candor.charts.FanChart;
import io.candor.charts.IconArray;
import io.candor.charts.IconArrayChart;
import io.candor.charts.TrajectoryChart;
import io.candor.expectation.ClientProfile;
import io.candor.expectation.ClientRenderer;
import io.candor.expectation.ExpectationReport;
import io.candor.expectation.Expectations;
import io.candor.expectation.Outcome;
import io.candor.json.ExpectedResponseModels;
import io.candor.json.LongCsv;
import io.candor.measure.Instruments;
import io.candor.model.DataRange;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.TimeBasis;
import io.candor.model.mixture.ClassEnumeration;
import io.candor.model.mixture.MixtureModel;
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
import org.apache.commons.rng.simple.RandomSource;
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
  void report_drawsTheIconArrayOfTheStatementTheTextMakes() throws IOException {
    Path svg = dir.resolve("client.svg");
    Path png = dir.resolve("client.png");
    var r = CandorCliTest.run("report", "--instrument", "PHQ-9", "--intake", "18", "--observed",
        "1:17,2:16", "--audience", "client", "--clients", "2000", "--seed", "7", "--horizon", "8",
        "--svg", svg.toString(), "--png", png.toString());
    assertEquals(0, r.status(), r.err());
    ExpectationReport report = Expectations.withDefaults().withClients(2000)
        .withHorizons(8, 12, 20, 8).withThreads(2)
        .withModel(ExpectedResponseModels.reference(Instruments.PHQ9))
        .report(ClientProfile.of(Instruments.PHQ9, 18).withObserved(1, 17).withObserved(2, 16),
            7L);
    var chart = IconArrayChart.withDefaults().withUnit("people who start where you are")
        .withTitle("After 8 sessions, out of 100 people who start where you are")
        .with(ChartOptions.style()).draw(IconArray.fromReport(
            report.iconArray(8, Outcome.RELIABLE_IMPROVEMENT).orElseThrow(),
            ClientRenderer.withDefaults().iconLabels()));
    assertEquals(chart.toSvg(), Files.readString(svg, StandardCharsets.UTF_8));
    assertArrayEquals(chart.toPng(), Files.readAllBytes(png));
    int better = report.probability(Outcome.RELIABLE_IMPROVEMENT, 8).orElseThrow()
        .naturalFrequency().count();
    assertTrue(chart.description().contains(" " + better + " feel much better"),
        chart.description());
    assertTrue(r.out().replaceAll("\\s+", " ").contains("about " + better + " (between"),
        "the text and the picture make the same statement");
  }

  @Test
  void report_forATherapistOrAService_drawsInTechnicalWords() throws IOException {
    Path svg = dir.resolve("therapist.svg");
    var r = CandorCliTest.run("report", "--instrument", "PHQ-9", "--intake", "18",
        "--audience", "therapist", "--clients", "2000", "--svg", svg.toString());
    assertEquals(0, r.status(), r.err());
    String text = Files.readString(svg, StandardCharsets.UTF_8);
    assertTrue(text.contains(">After 12 sessions, out of 100 clients like this one</title>"),
        text);
    assertTrue(text.contains(" improve reliably,"), text);
    Path csv = dir.resolve("caseload.csv");
    Files.writeString(csv, "id,session,phq9\na,0,18\na,1,16\nb,0,12\nc,0,22\n");
    Path service = dir.resolve("service.svg");
    r = CandorCliTest.run("report", "--instrument", "PHQ-9", "--audience", "service", "--input",
        csv.toString(), "--id", "id", "--time", "session", "--score", "phq9", "--clients", "2000",
        "--svg", service.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(Files.readString(service, StandardCharsets.UTF_8).contains(
        ">After 12 sessions, out of 100 clients of this caseload (expected)</title>"));
    r = CandorCliTest.run("report", "--instrument", "PHQ-9", "--intake", "18", "--audience",
        "client", "--svg", svg.toString(), "--out", svg.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--out and --svg name the same file"), r.err());
  }

  @Test
  void classes_drawsTheChosenClassesOfTheLibrarysEnumeration() throws IOException {
    java.util.Random r = new java.util.Random(11);
    StringBuilder sb = new StringBuilder("client,week,phq9\n");
    for (int c = 0; c < 60; c++) {
      for (int t = 0; t < 7; t++) {
        double y = (c % 3 != 0 ? 18 - 4 * Math.log1p(t) : 16 + 0.2 * t) + 1.5 * r.nextGaussian();
        sb.append('c').append(c).append(',').append(t).append(',')
            .append(String.format(java.util.Locale.ROOT, "%.1f", y)).append('\n');
      }
    }
    Path csv = dir.resolve("scores.csv");
    Files.writeString(csv, sb.toString());
    Path svg = dir.resolve("classes.svg");
    Path png = dir.resolve("classes.png");
    var run = CandorCliTest.run("classes", "--input", csv.toString(), "--id", "client", "--time",
        "week", "--score", "phq9", "--basis", "log", "--classes", "1-3", "--starts", "6",
        "--seed", "3", "--svg", svg.toString(), "--png", png.toString());
    assertEquals(0, run.status(), run.err());
    GrowthData data = LongCsv.withDefaults().read(csv, LongCsv.columns("client", "week", "phq9"))
        .toGrowthData();
    ClassEnumeration e = MixtureModel.withDefaults().with(TimeBasis.LOG).withStarts(6)
        .withFinalStarts(1).compare(data, 1, 3, RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
    Chart expected = ClassCurvesChart.withDefaults().withScoreLabel("phq9").withTimeLabel("week")
        .with(ChartOptions.style()).draw(e.selected(), DataRange.of(0, 6));
    assertEquals(expected.toSvg(), Files.readString(svg, StandardCharsets.UTF_8));
    assertArrayEquals(expected.toPng(), Files.readAllBytes(png));
    assertTrue(expected.description().startsWith(e.selected().classes()
        + " latent trajectory classes of phq9 by week"), expected.description());
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
