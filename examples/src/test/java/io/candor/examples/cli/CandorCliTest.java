package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
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

  /** Whether picocli refuses the arguments without looking at any subcommand's options. */
  private static boolean refusedAtTheTop(String... args) {
    return CandorCli.lookedInto(args).isEmpty();
  }

  @Test
  void argumentsRefusedAtTheTop_giveWhatTheFullCommandLineGives() {
    // the pool mixes what refusedAtTheTop lets through with what it must not: commands, help,
    // help and version options alone and in clusters, argument files, the end of options
    String[] pool = {"demi", "fitt", "x", "", " ", "a b", "1", "-1", "--data", "--seed", "-x", "--",
        "=", "--out=o", "-Z", "--bogus=1", "caseload", "fit", "help", "-h", "--help", "-V",
        "--version", "-hV", "-xh", "-hx", "-Vx", "-xV", "--help=1", "--version=x", "--helpful",
        "-v", "--verbose", "--cohort", "@x", "@", "-", "\t", "demo\n", "Demo", "-H", "--HELP",
        "--versionreport", "--help=", "--version=true", "--helpx", "--Version", "classify",
        "--instrument", "gad7", "--pre", "5", "therapists", "--input"};
    SplittableRandom random = new SplittableRandom(20261201);
    int light = 0;
    int some = 0;
    for (int i = 0; i < 600; i++) {
      List<String> args = new ArrayList<>();
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        args.add(pool[random.nextInt(pool.length)]);
      }
      String[] a = args.toArray(String[]::new);
      light += refusedAtTheTop(a) ? 1 : 0;
      int built = CandorCli.lookedInto(a).size();
      some += built > 0 && built < CandorCli.COMMANDS.size() ? 1 : 0;
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int status = CandorCli.execute(CandorCli.commandLine(), new PrintWriter(out),
          new PrintWriter(err), a);
      assertEquals(new Run(status, out.toString(), err.toString()), run(a), String.join("|", a));
    }
    assertTrue(light > 100, "arguments refused at the top level: " + light);
    assertTrue(some > 50, "arguments naming some subcommands later: " + some);
  }

  @Test
  void argumentsRefusedAtTheTop_buildNoSubcommandsOptions() {
    assertTrue(refusedAtTheTop("demi", "--seed", "1"));
    assertTrue(refusedAtTheTop("demi", "--cohort", "-xh", "--svg", "--"));
    assertTrue(CandorCli.commandLine("demi", "--seed", "1").getSubcommands().get("demo")
        .getCommandSpec().options().isEmpty());
    assertFalse(CandorCli.commandLine().getSubcommands().get("demo").getCommandSpec().options()
        .isEmpty());
    for (String[] a : new String[][] {{}, {"demo"}, {"demi", "demo"}, {"demi", "help"},
        {"demi", "-h"}, {"demi", "--help"}, {"demi", "-V"}, {"demi", "--version"},
        {"demi", "-hx"}, {"demi", "-Vx"}, {"demi", "--help=1"}, {"@args"}, {"help"}, {"--"},
        {"--", "--"}, {"demi", "--help=false"}, {"demi", "--version="}}) {
      assertFalse(refusedAtTheTop(a), String.join(" ", a));
    }
    for (String[] a : new String[][] {{"demi", "--versionreport"}, {"--helpful"}, {"--HELP"},
        {"--", "x"}, {"-x", "-H"}}) {
      assertTrue(refusedAtTheTop(a), String.join(" ", a));
    }
  }

  @Test
  void subcommandsNamedLater_areTheOnlyOnesBuilt() {
    assertEquals(Set.of("classify", "fit"), CandorCli.lookedInto("demi", "classify", "x", "fit"));
    CommandLine cli = CandorCli.commandLine("demi", "classify", "--instrument");
    assertFalse(cli.getSubcommands().get("classify").getCommandSpec().options().isEmpty());
    assertTrue(cli.getSubcommands().get("fit").getCommandSpec().options().isEmpty());
    assertEquals(Set.copyOf(CandorCli.COMMANDS), CandorCli.lookedInto("demi", "classify", "-h"));
    assertEquals(Set.copyOf(CandorCli.COMMANDS), CandorCli.lookedInto());
    assertEquals(Set.copyOf(CandorCli.COMMANDS), CandorCli.lookedInto("--", "--"));
  }
}
