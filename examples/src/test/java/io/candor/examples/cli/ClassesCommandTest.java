package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.json.CandorJson;
import io.candor.model.mixture.ClassEnumeration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ClassesCommandTest {

  @TempDir Path dir;
  private Path input;

  @BeforeEach
  void data() throws IOException {
    input = twoShapes(dir);
  }

  /**
   * Writes {@code scores.csv} into a folder: 90 clients of two shapes (fast improvement from 18,
   * no change at 16), sessions 0..7; columns client, session, phq9, site (unused), severe (1 for
   * the no-change clients).
   *
   * @param dir the folder
   * @return the file
   * @throws IOException if it cannot be written
   */
  static Path twoShapes(Path dir) throws IOException {
    Random r = new Random(7);
    StringBuilder sb = new StringBuilder("client,session,phq9,site,severe\n");
    for (int c = 0; c < 90; c++) {
      boolean fast = c % 3 != 0;
      for (int t = 0; t < 8; t++) {
        double y = (fast ? 18 - 4.5 * Math.log1p(t) : 16 - 0.1 * t) + 1.8 * r.nextGaussian();
        sb.append("c").append(c).append(',').append(t).append(',')
            .append(String.format(Locale.ROOT, "%.2f", y)).append(",north,")
            .append(fast ? 0 : 1).append('\n');
      }
    }
    Path file = dir.resolve("scores.csv");
    Files.writeString(file, sb.toString());
    return file;
  }

  private CandorCliTest.Run classes(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("classes", "--input", input.toString(),
        "--id", "client", "--time", "session", "--score", "phq9"));
    List<String> given = List.of(extra);
    for (String[] d : new String[][] {{"--basis", "log"}, {"--classes", "1-3"}, {"--starts", "8"}}) {
      if (!given.contains(d[0])) {
        args.addAll(List.of(d));
      }
    }
    args.addAll(given);
    return CandorCliTest.run(args.toArray(new String[0]));
  }

  @Test
  void json_hasTheFieldsTheIssueNames_andChoosesTwoClasses() {
    JsonNode v = CandorCliTest.json(classes("--json"), "ClassEnumeration");
    assertEquals(2, v.get("selected").asInt());
    assertEquals("BIC", v.get("criterion").asString());
    JsonNode models = v.get("models");
    assertEquals(3, models.size());
    for (JsonNode m : models) {
      for (String f : new String[] {"k", "logLik", "parameters", "aic", "bic", "sabic", "icl",
          "entropy", "converged", "bestReplicated", "classes"}) {
        assertTrue(m.has(f), f);
      }
      for (JsonNode c : m.get("classes")) {
        for (String f : new String[] {"share", "coefficients", "residualSd", "avePosterior"}) {
          assertTrue(c.has(f), f);
        }
        assertEquals("intercept", c.get("coefficients").get(0).get("term").asString());
        assertEquals("time", c.get("coefficients").get(1).get("term").asString());
      }
    }
    JsonNode two = models.get(1);
    assertEquals(2, two.get("k").asInt());
    assertEquals(1.0 / 3, two.get("classes").get(1).get("share").asDouble(), 0.05);
  }

  @Test
  void json_readsBackAsAClassEnumeration_andDoesNotDependOnThreads() throws IOException {
    CandorCliTest.Run one = classes("--json", "--threads", "1");
    CandorCliTest.Run two = classes("--json", "--threads", "2");
    assertEquals(one.out(), two.out());
    ClassEnumeration e = CandorJson.fromJson(one.out(), ClassEnumeration.class);
    assertEquals(2, e.selected().classes());
    CandorCliTest.Run seeded = classes("--json", "--seed", "99");
    assertEquals(0, seeded.status(), seeded.err());
    assertFalse(seeded.out().equals(one.out()), "another seed draws other starts");
  }

  @Test
  void text_listsEveryK_theChosenClasses_andAHedge() {
    CandorCliTest.Run r = classes();
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Latent trajectory classes (LCGA, basis log; 90 clients, 720"
        + " observations; 8 random starts per K, seed " + ClassesCommand.DEFAULT_SEED + ")"),
        r.out());
    assertTrue(r.out().contains("Chosen by BIC: K = 2"), r.out());
    assertTrue(r.out().contains("  class 2: "), r.out());
    assertTrue(r.out().contains("not a label or a diagnosis"), r.out());
  }

  @Test
  void posteriors_andCsv_areWrittenAsTables() throws IOException {
    Path post = dir.resolve("post.csv");
    Path table = dir.resolve("models.csv");
    CandorCliTest.Run r = classes("--posteriors", post.toString(), "--csv", table.toString(),
        "--json", "--out", dir.resolve("e.json").toString());
    assertEquals(0, r.status(), r.err());
    List<String> lines = Files.readAllLines(post);
    assertEquals("id,class,p1,p2", lines.get(0));
    assertEquals(91, lines.size());
    String[] first = lines.get(1).split(",");
    assertEquals("c0", first[0]);
    assertEquals(1, Double.parseDouble(first[2]) + Double.parseDouble(first[3]), 1e-12);
    List<String> models = Files.readAllLines(table);
    assertTrue(models.get(0).startsWith("k,logLik,parameters,aic,bic,bicRows,sabic,icl,entropy"),
        models.get(0));
    assertEquals(4, models.size());
  }

  @Test
  void gmm_withMembership_runs() {
    JsonNode v = CandorCliTest.json(classes("--model", "gmm", "--random", "intercept",
        "--membership", "severe", "--residual", "common", "--json"), "ClassEnumeration");
    JsonNode two = v.get("models").get(1);
    assertEquals("RANDOM_INTERCEPT", two.get("model").get("withinClass").asString());
    assertEquals("severe", two.get("membership").get(1).get("term").asString());
  }

  @Test
  void badArguments_exitWithStatusTwoAndNameTheValue() {
    assertBad(classes("--classes", "5-1"), "'5-1'", "A <= B");
    assertBad(classes("--classes", "0-3"), "'0-3'", "at least 1");
    assertBad(classes("--classes", "two"), "'two'", "K or A-B");
    assertBad(classes("--basis", "cubic"), "'cubic'", "linear, log");
    assertBad(classes("--model", "mplus"), "'mplus'", "lcga, gmm");
    assertBad(classes("--random", "slope"), "--random needs --model gmm", "");
    assertBad(classes("--classes", "1-200"), "maxClasses (200) must not exceed the number of"
        + " clients (90)", "");
    assertBad(classes("--starts", "0"), "--starts must be between 1 and 100000, was 0", "");
    assertBad(classes("--membership", "site"), "site", "");
    assertBad(classes("--membership", "nope"), "nope", "");
    assertBad(classes("--select", "dic"), "'dic'", "bic, aic");
  }

  @Test
  void nanScore_isRejectedNamingTheLine() throws IOException {
    Files.writeString(input, Files.readString(input).replaceFirst("\nc0,1,[0-9.]+,", "\nc0,1,NaN,"));
    CandorCliTest.Run r = classes();
    assertEquals(2, r.status());
    assertTrue(r.err().contains("line 3"), r.err());
  }

  private static void assertBad(CandorCliTest.Run r, String part, String other) {
    assertEquals(2, r.status(), r.out() + r.err());
    assertTrue(r.err().startsWith("candor: "), r.err());
    assertTrue(r.err().contains(part) && r.err().contains(other), r.err());
  }
}
