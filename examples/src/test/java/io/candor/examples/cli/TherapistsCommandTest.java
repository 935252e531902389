package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.examples.cli.CandorCliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TherapistsCommandTest {

  @TempDir static Path dir;
  static Path clients;

  static Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  /** 6 therapists × 8–15 clients with PHQ-9 scores and an age column, deterministic. */
  @BeforeAll
  static void writeFiles() throws IOException {
    StringBuilder sb = new StringBuilder("therapist,client,phq_first,phq_last,age\n");
    int id = 0;
    for (int t = 0; t < 6; t++) {
      for (int i = 0; i < 8 + t; i++) {
        int pre = 8 + (id * 7) % 19;
        int post = Math.max(0, Math.min(27, pre - 7 + (id * 5) % 14 - t / 2));
        sb.append("T").append(t).append(",c").append(id).append(',').append(pre).append(',')
            .append(post).append(',').append(20 + (id * 13) % 50).append('\n');
        id++;
      }
    }
    clients = write("clients.csv", sb.toString());
  }

  static String[] args(Path file, String... more) {
    String[] base = {"therapists", "--input", file.toString(), "--therapist", "therapist", "--id",
        "client", "--pre", "phq_first", "--post", "phq_last", "--instrument", "PHQ-9"};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void json_hasTheDocumentedFields() {
    Run r = CandorCliTest.run(args(clients, "--covariate", "age", "--json"));
    assertEquals(0, r.status(), r.err());
    JsonNode root = JsonMapper.builder().build().readTree(r.out());
    assertEquals("candor", root.get("format").asString());
    assertEquals("TherapistComparison", root.get("type").asString());
    JsonNode v = root.get("value");
    for (String f : new String[] {"overall", "icc", "therapistSd", "residualSd",
        "fixedEffects", "therapists", "caseloadForStableEstimate", "note"}) {
      assertTrue(v.has(f), f);
    }
    for (String f : new String[] {"estimate", "lower", "upper"}) {
      assertTrue(v.get("icc").has(f), f);
    }
    assertEquals("pre", v.get("fixedEffects").get(1).get("term").asString());
    assertEquals("age", v.get("fixedEffects").get(2).get("term").asString());
    assertEquals(6, v.get("therapists").size());
    for (JsonNode t : v.get("therapists")) {
      for (String f : new String[] {"therapist", "n", "observed", "expected", "adjusted",
          "lower95", "upper95", "lower998", "upper998", "effect", "effectSd", "rankLower",
          "rankUpper"}) {
        assertTrue(t.has(f), f);
      }
    }
    Run again = CandorCliTest.run(args(clients, "--covariate", "age", "--json"));
    assertEquals(r.out(), again.out(), "the default seed reproduces the output");
  }

  @Test
  void text_speaksOfSupportNotRanking_andNamesTheSeed() {
    Run r = CandorCliTest.run(args(clients, "--outcome", "reliable-improvement",
        "--overdispersion", "multiplicative", "--seed", "5"));
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Therapists compared on reliable-improvement (PHQ-9)"), r.out());
    assertTrue(r.out().contains("not a league table"), r.out());
    assertTrue(r.out().contains("seed 5"), r.out());
    assertFalse(r.out().toLowerCase(Locale.ROOT).contains("poor"), r.out());
  }

  @Test
  void csv_hasOneRowPerTherapistWithTheJsonFieldNames() throws IOException {
    Path table = dir.resolve("therapists.csv");
    Run r = CandorCliTest.run(args(clients, "--csv", table.toString()));
    assertEquals(0, r.status(), r.err());
    java.util.List<String> lines = Files.readAllLines(table);
    assertEquals(7, lines.size());
    assertTrue(lines.get(0).startsWith("therapist,n,observed,expected,adjusted,lower95,upper95,"
        + "lower998,upper998,position,clients,effect,effectSd"), lines.get(0));
    assertTrue(lines.get(1).startsWith("T0,"), lines.get(1));
  }

  @Test
  void exactLimitsAndBootstrap_run() {
    Run r = CandorCliTest.run(args(clients, "--limits", "exact", "--icc-interval", "bootstrap",
        "--replicates", "40", "--outcome", "deterioration", "--json"));
    assertEquals(0, r.status(), r.err());
    JsonNode v = JsonMapper.builder().build().readTree(r.out()).get("value");
    assertEquals("EXACT_BINOMIAL", v.get("limits").asString());
    assertEquals("PARAMETRIC_BOOTSTRAP", v.get("icc").get("method").asString());
    assertEquals(40, v.get("icc").get("replicates").asInt());
  }

  @Test
  void badInput_isOneLineNamingTheValue() throws IOException {
    Path one = write("one.csv", "therapist,client,phq_first,phq_last,age\n"
        + "T1,a,15,8,30\nT1,b,18,12,40\nT1,c,20,9,50\n");
    CliBadInputTest.assertBad("at least 2 therapists; these data have 1 (T1)", args(one));
    Path twice = write("twice.csv", "therapist,client,phq_first,phq_last,age\n"
        + "T1,a,15,8,30\nT2,b,18,12,40\nT2,a,20,9,50\n");
    CliBadInputTest.assertBad("twice.csv line 4, column 1 (therapist): client a has \"T2\" here"
        + " but \"T1\" on line 2; a client-level column must be constant within a client (if"
        + " these are different people, give them different ids)", args(twice));
    Path missing = write("missing.csv", "therapist,client,phq_first,phq_last,age\n"
        + "T1,a,15,8,30\nT2,b,,12,40\n");
    CliBadInputTest.assertBad("line 3, column 3 (phq_first): a number is required, the cell is"
        + " empty", args(missing));
    Path offScale = write("offscale.csv", "therapist,client,phq_first,phq_last,age\n"
        + "T1,a,15,8,30\nT2,b,18,30,40\n");
    CliBadInputTest.assertBad("line 3, column 4 (phq_last): PHQ-9 score must be between 0 and 27,"
        + " was 30", args(offScale));
    Path half = write("half.csv", "therapist,client,phq_first,phq_last,age\n"
        + "T1,a,15,8,30\nT2,b,18.5,12,40\n");
    CliBadInputTest.assertBad("line 3, column phq_first: PHQ-9 score must be a whole number",
        args(half));
    Path noCases = write("nocases.csv", "therapist,client,phq_first,phq_last,age\n"
        + "T1,a,15,8,30\nT1,b,18,12,40\nT2,c,20,9,50\nT2,d,14,9,50\nT3,e,5,2,41\nT3,f,7,4,33\n");
    CliBadInputTest.assertBad("therapist T3 has no cases for recovery", args(noCases));
    StringBuilder sb = new StringBuilder("therapist,client,phq_first,phq_last,site\n");
    for (int i = 0; i < 20; i++) {
      sb.append("T").append(i % 3).append(",c").append(i).append(',').append(10 + i % 10)
          .append(',').append(4 + i % 9).append(",7\n");
    }
    Path constant = write("constant.csv", sb.toString());
    CliBadInputTest.assertBad("is the same for every case (7)",
        args(constant, "--covariate", "site"));
    CliBadInputTest.assertBad("outcome must be one of recovery, reliable-improvement,"
        + " deterioration", args(clients, "--outcome", "cure"));
    CliBadInputTest.assertBad("over-dispersion must be one of none, multiplicative, additive",
        args(clients, "--overdispersion", "lots"));
    CliBadInputTest.assertBad("replicates must be between 20 and 100000",
        args(clients, "--replicates", "3"));
  }
}
