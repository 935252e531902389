package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CandorCliTest {

  /** Output and status of one run. */
  record Run(int status, String out, String err) {}

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
}
