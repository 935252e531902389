package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CandorCliTest {

  /** Output and status of one run. */
  record Run(int status, String out, String err) {}

  /**
   * The value of the Candor JSON document a run printed, after checking its envelope (format
   * "candor", version 1, the expected type).
   */
  static JsonNode json(Run r, String type) {
    assertEquals(0, r.status(), r.err());
    JsonNode root = JsonMapper.builder().build().readTree(r.out());
    assertEquals("candor", root.get("format").asString(), r.out());
    assertEquals(1, root.get("formatVersion").asInt(), r.out());
    assertEquals(type, root.get("type").asString(), r.out());
    return root.get("value");
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = CandorCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void demo_runsAndIsReproducible() {
    Run a = run("demo");
    assertEquals(0, a.status(), a.err());
    assertTrue(a.out().contains("never diagnoses"));
    assertTrue(a.out().contains("PHQ-9"));
    assertEquals(a.out(), run("demo").out());
  }

  @Test
  void unknownSubcommandOrOption_printsOneLineAndExits2() {
    Run r = run("demo", "--bogus");
    assertEquals(2, r.status());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("candor: "), r.err());
    assertEquals(2, run("nonsense").status());
  }

  @Test
  void aNamedSubcommand_isTheOnlyOneLoaded_otherwiseAllAre() {
    assertEquals(java.util.Set.of("fit"), CandorCli.commandLine("fit", "--help").getSubcommands().keySet());
    java.util.Set<String> all = new java.util.HashSet<>(CandorCli.COMMANDS);
    all.add("help");
    assertEquals(all, CandorCli.commandLine("--help").getSubcommands().keySet());
    assertEquals(all, CandorCli.commandLine("fitt").getSubcommands().keySet());
    assertEquals(all, CandorCli.commandLine().getSubcommands().keySet());
    Run r = run("fitt");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("fitt"), r.err());
  }

  @Test
  void noArguments_printsUsage() {
    Run r = run();
    assertEquals(0, r.status());
    assertTrue(r.out().contains("Usage: candor"));
  }

  @Test
  void topLevelHelp_givesEverySubcommandAWholeSentence() {
    Run r = run("--help");
    assertEquals(0, r.status());
    String commands = r.out().substring(r.out().indexOf("Commands:"));
    for (String name : List.of("demo", "report", "instruments", "classify", "fit", "expect",
        "patterns", "survival", "simulate", "calibrate")) {
      int at = commands.indexOf("\n  " + name + " ");
      assertTrue(at >= 0, name + " missing from\n" + commands);
      int next = commands.indexOf("\n  ", at + 1);
      while (next >= 0 && commands.charAt(next + 3) == ' ') {
        next = commands.indexOf("\n  ", next + 1); // continuation lines are indented further
      }
      String summary = commands.substring(at, next < 0 ? commands.length() : next).strip();
      assertTrue(summary.endsWith("."), "the summary of " + name + " is cut off: " + summary);
    }
  }
}
