package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.examples.cli.CandorCliTest.Run;
import io.candor.json.CandorJson;
import io.candor.progress.ExpectedResponseModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output layer every command shares: --json, --out FILE (only on success), --csv FILE. */
class OutputOptionsTest {

  @TempDir static Path dir;
  static Path sgdata;
  static Path panel;

  @BeforeAll
  static void writeData() throws IOException {
    sgdata = dir.resolve("sgdata.csv");
    try (InputStream in = PatternsCommand.class.getResourceAsStream("sgdata.csv")) {
      Files.copy(in, sgdata);
    }
    StringBuilder csv = new StringBuilder("id,session,score\n");
    double[][] y = {{20, 17, 15, 14}, {18, 16, 13, 12}, {22, 21, 18, 17}, {19, 15, 14, 11},
        {24, 22, 19, 16}};
    for (int c = 0; c < y.length; c++) {
      for (int s = 0; s < y[c].length; s++) {
        csv.append("c").append(c).append(',').append(s).append(',').append(y[c][s]).append('\n');
      }
    }
    panel = Files.writeString(dir.resolve("panel.csv"), csv);
  }

  private static String[] fit(Path input, String... extra) {
    return Stream.concat(Stream.of("fit", "--input", input.toString(), "--id", "id", "--time",
        "session", "--score", "score"), Stream.of(extra)).toArray(String[]::new);
  }

  @Test
  void fitOut_writesTheDocumentThatExpectAndCandorJsonRead() throws IOException {
    Path model = dir.resolve("model.json");
    Run r = CandorCliTest.run(fit(panel, "--instrument", "PHQ-9", "--json", "--out", model.toString()));
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.out(), "with --out nothing goes to standard output");
    ExpectedResponseModel m = CandorJson.fromJson(Files.readString(model), ExpectedResponseModel.class);
    assertEquals("PHQ-9", m.fittedOn().scale().id());
    Run e = CandorCliTest.run("expect", "--model", model.toString(), "--intake", "20", "--observed",
        "1:18");
    assertEquals(0, e.status(), e.err());
    assertTrue(e.out().contains("Fitted on PHQ-9 scores of 5 clients"), e.out());
  }

  @Test
  void failedRun_leavesNoFile_andAnExistingFileUntouched() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.csv"), "id,session,score\na,0,20\na,1,x\n");
    Path model = dir.resolve("never.json");
    Run r = CandorCliTest.run(fit(bad, "--json", "--out", model.toString(), "--csv",
        dir.resolve("never.csv").toString()));
    assertEquals(CandorCli.USAGE, r.status());
    assertFalse(Files.exists(model), "a failed fit must not leave " + model);
    assertFalse(Files.exists(dir.resolve("never.csv")));
    Path kept = Files.writeString(dir.resolve("kept.json"), "previous result");
    assertEquals(CandorCli.USAGE, CandorCliTest.run(fit(bad, "--json", "--out", kept.toString())).status());
    assertEquals("previous result", Files.readString(kept));
    try (Stream<Path> files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
    }
  }

  /**
   * A written file gets the permissions any new file gets (the umask's), not the owner-only ones
   * of a temporary file; a file written over keeps its own.
   */
  @Test
  void writtenFiles_getTheUsualPermissions_andAFileWrittenOverKeepsItsOwn() throws IOException {
    Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Set<PosixFilePermission> usual = Files.getPosixFilePermissions(
        Files.createFile(dir.resolve("usual.txt")));
    Path fresh = dir.resolve("fresh.txt");
    OutputOptions.write(fresh, "text");
    assertEquals(usual, Files.getPosixFilePermissions(fresh));
    Path kept = Files.writeString(dir.resolve("kept.txt"), "old");
    Set<PosixFilePermission> own = PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(kept, own);
    OutputOptions.write(kept, new byte[] {1, 2});
    assertEquals(own, Files.getPosixFilePermissions(kept));
  }

  @Test
  void outAndCsv_mayNotNameTheSameFile_andAMissingDirectoryIsReported() {
    Path same = dir.resolve("same.txt");
    Run r = CandorCliTest.run(fit(panel, "--out", same.toString(), "--csv", same.toString()));
    assertEquals(CandorCli.USAGE, r.status());
    assertTrue(r.err().contains("--out and --csv name the same file"), r.err());
    Path nowhere = dir.resolve("no/such/dir/out.txt");
    r = CandorCliTest.run(fit(panel, "--out", nowhere.toString()));
    assertEquals(CandorCli.USAGE, r.status());
    assertEquals("candor: cannot write " + nowhere + ": no such file or directory", r.err().strip());
  }

  @Test
  void csv_writesEachCommandsTable() throws IOException {
    assertCsv(fit(panel), "term,estimate,se,t", 2);
    assertCsv(new String[] {"expect", "--instrument", "PHQ-9", "--intake", "18", "--observed",
        "1:17,2:16", "--sessions", "6"}, "curve,session,mean,sd,p10,p25,p75,p90", 14);
    assertCsv(new String[] {"patterns", "--input", sgdata.toString(), "--id", "id", "--time",
        "session", "--score", "bdi", "--instrument", "BDI-II", "--cutoff", "7"},
        "client,observations,gains,losses,", 43);
    assertCsv(new String[] {"survival", "--input", sgdata.toString(), "--id", "id", "--time",
        "session", "--score", "bdi", "--instrument", "BDI-II", "--event", "reliable-improvement"},
        "stratum,time,nRisk,nEvent,nCensor,survival,stdErr,lower,upper", -1);
    assertCsv(new String[] {"classify", "--instrument", "PHQ-9", "--pre", "18", "--post", "9"},
        "method,abbreviation,available,index,", 7);
    assertCsv(new String[] {"instruments"}, "instrument,figure,value,certainty,source,note", -1);
    assertCsv(new String[] {"simulate", "--clients", "50", "--summary"},
        "session,observed,dropouts,meanScore,caseRate,reliablyImproved,improvedByKaplanMeier", 27);
    assertCsv(new String[] {"calibrate", "--clients", "200"},
        "target,source,citation,expected,simulated,lower,upper,verdict,definition", -1);
  }

  private static void assertCsv(String[] args, String header, int rows) throws IOException {
    Path csv = dir.resolve(args[0] + ".csv");
    Run r = CandorCliTest.run(Stream.concat(Stream.of(args), Stream.of("--csv", csv.toString()))
        .toArray(String[]::new));
    assertTrue(r.status() == 0 || args[0].equals("calibrate"), String.join(" ", args) + ": " + r.err());
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertTrue(lines.get(0).startsWith(header), args[0] + ": " + lines.get(0));
    if (rows >= 0) {
      assertEquals(rows, lines.size() - 1, args[0]);
    } else {
      assertTrue(lines.size() > 1, args[0]);
    }
    int columns = lines.get(0).split(",", -1).length;
    for (String line : lines) {
      if (!line.contains("\"")) {
        assertEquals(columns, line.split(",", -1).length, args[0] + ": " + line);
      }
    }
    assertFalse(r.out().isEmpty(), "the text still goes to standard output");
  }

  @Test
  void csv_writesAbsentValuesAsEmptyCells_andQuotesText() {
    CsvTable t = new CsvTable("a", "b", "c").row("x, y", java.util.OptionalDouble.empty(), 0.1);
    assertEquals("a,b,c\n\"x, y\",,0.1\n", t.text());
    assertEquals("a\n\"say \"\"hi\"\"\"\n", new CsvTable("a").row("say \"hi\"").text());
  }
}
