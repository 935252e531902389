package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class GrowthCommandsTest {

  @TempDir Path dir;

  private record Result(int status, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = CandorCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(status, out.toString(), err.toString());
  }

  private Path csv() throws IOException {
    StringBuilder sb = new StringBuilder("client,session,score,group\n");
    double[][] y = {
      {20, 16, 14, 13, 12, 12}, {18, 17, 15, 15, 13, 12}, {22, 18, 17, 14, 13, 11},
      {15, 13, 12, 10, 10, 9}, {24, 22, 21, 20, 19, 19}, {19, 15, 12, 11, 9, 8},
      {17, 16, 16, 14, 14, 13}, {21, 17, 15, 14, 14, 12}};
    for (int c = 0; c < y.length; c++) {
      for (int k = 0; k < 6; k++) {
        sb.append("c").append(c).append(',').append(k).append(',').append(y[c][k]).append(',')
            .append(c % 2).append('\n');
      }
    }
    Path f = dir.resolve("scores.csv");
    Files.writeString(f, sb.toString());
    return f;
  }

  @Test
  void fit_json_hasTheDocumentedFieldsAndFeedsExpect() throws IOException {
    Result r = run("fit", "--input", csv().toString(), "--id", "client", "--time", "session",
        "--score", "score", "--basis", "log", "--covariate", "group", "--interact", "--json");
    JsonNode j = CandorCliTest.json(new CandorCliTest.Run(r.status(), r.out(), r.err()), "GrowthFit");
    for (String f : new String[] {"estimation", "clients", "observations", "fixedEffects",
        "randomEffects", "residualSd", "logLik", "remlCriterion", "aic", "bic", "convergence",
        "boundary", "model"}) {
      assertTrue(j.has(f), f);
    }
    assertEquals("REML", j.get("estimation").asString());
    assertEquals(8, j.get("clients").asInt());
    assertEquals(48, j.get("observations").asInt());
    assertEquals("group:time", j.get("fixedEffects").get(3).get("term").asString());
    assertTrue(j.get("randomEffects").has("interceptSd"));
    assertTrue(j.get("randomEffects").has("slopeSd"));
    assertTrue(j.get("randomEffects").has("correlation"));
    Path model = dir.resolve("model.json");
    Files.writeString(model, r.out());
    Result e = run("expect", "--model", model.toString(), "--intake", "20", "--covariate",
        "group=1", "--observed", "1:19,2:19,3:19", "--cutoff", "10");
    assertEquals(0, e.status(), e.err());
    assertTrue(e.out().contains("Alert ("), e.out());
    assertTrue(e.out().contains("Updated forecast"), e.out());
  }

  @Test
  void fit_ml_hasNoRemlCriterion_andPiecewiseNamesTheKnotTerm() throws IOException {
    Result r = run("fit", "--input", csv().toString(), "--id", "client", "--time", "session",
        "--score", "score", "--basis", "piecewise:2", "--method", "ml", "--random", "intercept",
        "--json");
    JsonNode j = CandorCliTest.json(new CandorCliTest.Run(r.status(), r.out(), r.err()), "GrowthFit");
    assertTrue(j.get("remlCriterion").isNull());
    assertEquals("ML", j.get("estimation").asString());
    assertEquals("time_after_knot", j.get("fixedEffects").get(2).get("term").asString());
    assertTrue(j.get("randomEffects").get("slopeSd").isNull());
  }

  @Test
  void fit_readsSemicolonsWithDecimalCommas_andTabs_toTheSameFit() throws IOException {
    String comma = Files.readString(csv());
    Path eu = dir.resolve("eu.csv");
    Files.writeString(eu, comma.replace(',', ';').replace('.', ','));
    Path tsv = dir.resolve("scores.tsv");
    Files.writeString(tsv, comma.replace(',', '\t'));
    String[] model = {"--id", "client", "--time", "session", "--score", "score", "--json"};
    Result a = run(concat(new String[] {"fit", "--input", csv().toString()}, model));
    Result b = run(concat(new String[] {"fit", "--input", eu.toString(), "--delimiter", ";",
        "--decimal", "comma"}, model));
    Result c = run(concat(new String[] {"fit", "--input", tsv.toString(), "--delimiter", "tab"},
        model));
    assertEquals(0, b.status(), b.err());
    assertEquals(0, c.status(), c.err());
    assertEquals(a.out(), b.out());
    assertEquals(a.out(), c.out());
  }

  @Test
  void fit_takesOptionWordsInAnyCase() throws IOException {
    String in = csv().toString();
    Result lower = run("fit", "--input", in, "--id", "client", "--time", "session", "--score",
        "score", "--basis", "log", "--random", "slope", "--method", "ml", "--json");
    Result upper = run("fit", "--input", in, "--id", "client", "--time", "session", "--score",
        "score", "--basis", "LOG", "--random", "Slope", "--method", "ML", "--json");
    assertEquals(0, upper.status(), upper.err());
    assertEquals(lower.out(), upper.out());
    assertTrue(upper.out().contains("\"ML\""), upper.out());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void badArguments_exitWith2AndOneLine() throws IOException {
    String in = csv().toString();
    Result a = run("fit", "--input", in, "--id", "client", "--time", "session", "--score",
        "score", "--basis", "cubic");
    assertEquals(2, a.status());
    assertTrue(a.err().contains("Invalid value for option '--basis'"), a.err());
    Result b = run("fit", "--input", in, "--id", "client", "--time", "session", "--score",
        "nope");
    assertEquals(2, b.status());
    assertTrue(b.err().contains("not found"), b.err());
    Result c = run("fit", "--input", in, "--id", "client", "--time", "session", "--score",
        "score", "--basis", "piecewise");
    assertEquals(2, c.status());
    Result d = run("fit", "--input", in, "--id", "client", "--time", "session", "--score",
        "score", "--method", "bayes");
    assertEquals(2, d.status());
  }

  @Test
  void fit_rejectsCovariateVaryingWithinClientNamingTheLine() throws IOException {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "client,session,score,age\na,0,10,30\na,1,9,31\nb,0,12,40\n");
    Result r = run("fit", "--input", f.toString(), "--id", "client", "--time", "session",
        "--score", "score", "--covariate", "age");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("bad.csv line 3, column 4 (age): a covariate is client-level, but"
        + " client a has 30 on line 2 and 31 here"), r.err());
  }

  @Test
  void expect_rejectsBadObservedAndMissingCovariate() throws IOException {
    Result r = run("fit", "--input", csv().toString(), "--id", "client", "--time", "session",
        "--score", "score", "--covariate", "group", "--json");
    Path model = dir.resolve("m.json");
    Files.writeString(model, r.out());
    assertEquals(2, run("expect", "--model", model.toString(), "--intake", "20",
        "--covariate", "group=1", "--observed", "2:15,1:14").status());
    assertEquals(2, run("expect", "--model", model.toString(), "--intake", "20",
        "--covariate", "group=1", "--observed", "x").status());
    assertEquals(2, run("expect", "--model", model.toString(), "--intake", "20").status());
    Path junk = dir.resolve("junk.json");
    Files.writeString(junk, "{\"a\":1}");
    assertEquals(2, run("expect", "--model", junk.toString(), "--intake", "20").status());
  }

  @Test
  void expect_withoutModel_usesTheReferenceModelAndSaysItIsSimulated() {
    Result r = run("expect", "--instrument", "PHQ-9", "--intake", "18", "--observed", "1:17");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Model: Candor's reference model for PHQ-9\n"), r.out());
    assertTrue(r.out().contains("SIMULATED data, not real clients"), r.out());
    assertTrue(r.out().contains("Alert ("), r.out());
    assertTrue(!r.out().contains("Warning: extrapolation"), r.out());
    Result gad = run("expect", "--instrument", "GAD-7", "--intake", "15");
    assertEquals(0, gad.status(), gad.err());
    assertTrue(gad.out().contains("not calibrated on GAD-7 figures"), gad.out());
  }

  @Test
  void expect_outsideTheModelsData_warnsOfExtrapolationInTextAndJson() {
    Result r = run("expect", "--instrument", "PHQ-9", "--intake", "5", "--sessions", "40");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Warning: extrapolation: intake 5 lies outside the intake scores"
        + " the model was fitted on (10 to 27)"), r.out());
    assertTrue(r.out().contains("Warning: extrapolation: session 40 lies outside the sessions the"
        + " model was fitted on (0 to 26)"), r.out());
    Result j = run("expect", "--instrument", "PHQ-9", "--intake", "5", "--sessions", "40", "--json");
    JsonNode v = CandorCliTest.json(new CandorCliTest.Run(j.status(), j.out(), j.err()), "ExpectResult");
    assertEquals("INTAKE", v.get("expected").get("extrapolations").get(0).get("kind").asString());
    assertEquals("SESSION", v.get("expected").get("extrapolations").get(1).get("kind").asString());
    assertEquals(2, v.get("warnings").size());
  }

  @Test
  void expect_modelAndInstrumentMustAgree_andInstrumentsWithoutReferenceAreNamed() {
    Result r = run("expect", "--instrument", "GAD-7", "--model", dir.resolve("gone.json").toString(),
        "--intake", "10");
    assertEquals(2, r.status());
    Result k10 = run("expect", "--instrument", "K10", "--intake", "30");
    assertEquals(2, k10.status());
    assertTrue(k10.err().contains("Candor ships no reference model for K10"), k10.err());
  }

  @Test
  void demoSection_printsACurveAndAnAlert() {
    StringWriter w = new StringWriter();
    ExpectCommand.demoSection(new PrintWriter(w));
    String s = w.toString();
    assertTrue(s.contains("Expected scores given intake 20"), s);
    assertTrue(s.contains("Alert ("), s);
    assertTrue(s.contains("not a clinical verdict"), s);
  }

  private Path clustered() throws IOException {
    StringBuilder sb = new StringBuilder("therapist,client,session,score\n");
    for (int c = 0; c < 24; c++) {
      for (int k = 0; k < 5; k++) {
        double y = 20 - 1.5 * k + (c % 4) * 1.2 + ((c * 7 + k * 3) % 5) * 0.4 - (c % 3) * 0.2 * k;
        sb.append("T").append(c % 4).append(",c").append(c).append(',').append(k).append(',')
            .append(y).append('\n');
      }
    }
    Path f = dir.resolve("clustered.csv");
    Files.writeString(f, sb.toString());
    return f;
  }

  @Test
  void fit_cluster_addsTheTherapistSdToTheJson_andReadsBackAsAModel() throws IOException {
    Result r = run("fit", "--input", clustered().toString(), "--id", "client", "--time",
        "session", "--score", "score", "--cluster", "therapist", "--json");
    JsonNode j = CandorCliTest.json(new CandorCliTest.Run(r.status(), r.out(), r.err()),
        "GrowthFit");
    assertTrue(j.get("randomEffects").get("clusterInterceptSd").isNumber(), r.out());
    assertEquals(4, j.get("clusters").asInt());
    assertEquals(24, j.get("clients").asInt());
    Path model = dir.resolve("clustered.json");
    Files.writeString(model, r.out());
    Result e = run("expect", "--model", model.toString(), "--intake", "20");
    assertEquals(0, e.status(), e.err());
    Result text = run("fit", "--input", clustered().toString(), "--id", "client", "--time",
        "session", "--score", "score", "--cluster", "therapist");
    assertTrue(text.out().contains("cluster (therapist) SD"), text.out());
    Result plain = run("fit", "--input", clustered().toString(), "--id", "client", "--time",
        "session", "--score", "score", "--json");
    assertTrue(CandorCliTest.json(new CandorCliTest.Run(plain.status(), plain.out(), plain.err()),
        "GrowthFit").get("randomEffects").get("clusterInterceptSd").isNull());
  }

  @Test
  void fit_cluster_namesTheLinesOfAClientUnderTwoTherapists() throws IOException {
    Path f = dir.resolve("two.csv");
    Files.writeString(f, "therapist,client,session,score\nT1,a,0,10\nT1,a,1,9\nT2,a,2,8\n"
        + "T2,b,0,12\nT2,b,1,11\n");
    Result r = run("fit", "--input", f.toString(), "--id", "client", "--time", "session",
        "--score", "score", "--cluster", "therapist", "--random", "intercept");
    assertEquals(CandorCli.USAGE, r.status(), r.err());
    assertTrue(r.err().contains("two.csv line 4, column 1 (therapist): client a has \"T2\" here"
        + " but \"T1\" on line 2; a client-level column must be constant within a client (if"
        + " these are different people, give them different ids)"), r.err());
    Path one = dir.resolve("one.csv");
    Files.writeString(one, "therapist,client,session,score\nT1,a,0,10\nT1,a,1,9\n"
        + "T1,b,0,12\nT1,b,1,11\n");
    r = run("fit", "--input", one.toString(), "--id", "client", "--time", "session",
        "--score", "score", "--cluster", "therapist", "--random", "intercept");
    assertEquals(CandorCli.USAGE, r.status(), r.err());
    assertTrue(r.err().contains("at least 2 clusters"), r.err());
  }

  private Path orsModel() throws IOException {
    StringBuilder sb = new StringBuilder("client,session,ors\n");
    double[][] y = {
      {15, 18, 21, 24}, {17, 19, 23, 25}, {14, 16, 20, 21}, {16, 20, 22, 26}, {12, 15, 19, 22},
      {18, 21, 24, 27}};
    for (int c = 0; c < y.length; c++) {
      for (int k = 0; k < y[c].length; k++) {
        sb.append("c").append(c).append(',').append(k).append(',').append(y[c][k]).append('\n');
      }
    }
    Path f = dir.resolve("ors.csv");
    Files.writeString(f, sb.toString());
    return fitModel(f, "ors");
  }

  /** Runs {@code candor fit --json} on a CSV and writes the model next to it. */
  private Path fitModel(Path csv, String scoreColumn) throws IOException {
    Result r = run("fit", "--input", csv.toString(), "--id", "client", "--time", "session",
        "--score", scoreColumn, "--json");
    assertEquals(0, r.status(), r.err());
    Path model = dir.resolve(scoreColumn + "-model.json");
    Files.writeString(model, r.out());
    return model;
  }

  @Test
  void expect_instrumentImpliesDirection_improvingOrsClientIsOnTrack() throws IOException {
    Result r = run("expect", "--model", orsModel().toString(), "--instrument", "ORS", "--intake",
        "15", "--observed", "1:22,2:28,3:33");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Alert (functional, on track)"), r.out());
  }

  @Test
  void expect_instrumentImpliesTheCasenessCutoff() throws IOException {
    Result r = run("expect", "--model", orsModel().toString(), "--instrument", "ORS", "--intake",
        "15", "--observed", "1:22,2:26");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("cutoff 25"), r.out());
  }

  @Test
  void expect_flagsContradictingTheInstrument_exit2() throws IOException {
    Path model = csvModel();
    Result direction = run("expect", "--model", model.toString(), "--instrument", "PHQ-9",
        "--intake", "20", "--higher-is-better");
    assertEquals(2, direction.status(), direction.out());
    assertTrue(direction.err().contains("PHQ-9"), direction.err());
    Result cutoff = run("expect", "--model", model.toString(), "--instrument", "PHQ-9",
        "--intake", "20", "--cutoff", "12");
    assertEquals(2, cutoff.status(), cutoff.out());
    assertTrue(cutoff.err().contains("caseness cutoff 10"), cutoff.err());
    Result same = run("expect", "--model", model.toString(), "--instrument", "PHQ-9",
        "--intake", "20", "--cutoff", "10", "--observed", "1:19");
    assertEquals(0, same.status(), same.err());
  }

  private Path csvModel() throws IOException {
    return fitModel(csv(), "score");
  }
}
