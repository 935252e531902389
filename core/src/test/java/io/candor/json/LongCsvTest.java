package io.candor.json;

import static io.candor.quick.QuickTheoriesAdapter.quick;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.candor.domain.ClientId;
import io.candor.domain.Cohort;
import io.candor.measure.Instruments;
import io.candor.model.growth.GrowthData;
import io.candor.robustness.LargeInputs;
import io.candor.robustness.Refusals;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongCsvTest {

  private static final LongCsv.Columns COLS = LongCsv.columns("id", "session", "score");

  private static LongTable read(String csv, LongCsv.Columns cols) {
    return LongCsv.withDefaults().read(new StringReader(csv), "test.csv", cols);
  }

  private static String error(LongCsv reader, String csv, LongCsv.Columns cols) {
    return assertThrows(IllegalArgumentException.class,
        () -> reader.read(new StringReader(csv), "test.csv", cols)).getMessage();
  }

  private static String error(String csv) {
    return error(LongCsv.withDefaults(), csv, COLS);
  }

  @Test
  void read_parsesColumnsCovariatesAndAttributes() {
    LongTable t =
        read(
            "client,week,phq9,age,site\nA,0,18,34,north\nA,1,15,34,north\nB,0,12,51,south\n",
            LongCsv.columns("client", "week", "phq9").withCovariates("age").withAttributes("site"));
    assertEquals(3, t.size());
    assertEquals(2, t.clientCount());
    assertEquals(List.of("A", "B"), t.clientIds());
    assertArrayEquals(new String[] {"A", "A", "B"}, t.ids());
    assertArrayEquals(new double[] {0, 1, 0}, t.times());
    assertArrayEquals(new double[] {18, 15, 12}, t.scores());
    assertArrayEquals(new double[] {34, 34, 51}, t.covariate("age"));
    assertArrayEquals(new double[] {34, 51}, t.clientCovariate("age"));
    assertArrayEquals(new String[] {"north", "north", "south"}, t.attribute("site"));
    assertArrayEquals(new String[] {"north", "south"}, t.clientAttribute("site"));
    // a name asked for but not read is quoted on one line
    assertEquals("covariate \"a\\u000ab\" was not read; read: [\"age\"]",
        assertThrows(IllegalArgumentException.class, () -> t.clientCovariate("a\nb")).getMessage());
    assertEquals("attribute \"a\\u000ab\" was not read; read: [\"site\"]",
        assertThrows(IllegalArgumentException.class, () -> t.clientAttribute("a\nb")).getMessage());
    assertEquals(3, t.lineAt(1));
    assertEquals(1, t.clientIndexAt(2));
  }

  @Test
  void read_numbersManyClientsInFirstSeenOrder_whateverTheOrderOfTheirRows() {
    // 5,000 clients, each client's two rows far apart, and two ids with one hash code
    StringBuilder csv = new StringBuilder("id,session,score\n");
    for (int session = 0; session < 2; session++) {
      for (int c = 0; c < 5000; c++) {
        csv.append("c").append(c).append(',').append(session).append(',').append(c % 27)
            .append('\n');
      }
      csv.append("Aa,").append(session).append(",1\nBB,").append(session).append(",2\n");
    }
    LongTable t = read(csv.toString(), COLS);
    assertEquals(5002, t.clientCount());
    assertEquals(10004, t.size());
    for (int row : new int[] {0, 4999, 5000, 5001, 5002, 7777, 10003}) {
      int c = t.clientIndexAt(row);
      assertEquals(c < 5000 ? "c" + c : c == 5000 ? "Aa" : "BB", t.idAt(row));
    }
    assertEquals(t.clientIndexAt(3), t.clientIndexAt(5005));
    assertEquals("Aa".hashCode(), "BB".hashCode());
    assertEquals(5000, t.clientIndexAt(10002));
    assertEquals(5001, t.clientIndexAt(10003));
    assertThrows(IndexOutOfBoundsException.class, () -> t.timeAt(10004));
  }

  @Test
  void read_namesLineAndColumnOfBadNumber() {
    String m = error("id,session,score\n1,0,10\n1,1,abc\n");
    assertTrue(m.contains("line 3, column 3 (score)"), m);
    assertTrue(m.contains("abc"), m);
  }

  @Test
  void read_rejectsEmptyAndNaCellsInsteadOfDroppingRows() {
    assertTrue(error("id,session,score\n1,0,\n").contains("the cell is empty"));
    String m = error("id,session,score\n1,0,NA\n");
    assertTrue(m.contains("line 2, column 3 (score)"), m);
    assertTrue(m.contains("does not drop or impute"), m);
  }

  @Test
  void read_rejectsHexInfinityAndSuffixedNumbers() {
    for (String bad : new String[] {"0x10", "Infinity", "1d", "1e999", "1,000", "1 000", "--1"}) {
      assertThrows(
          IllegalArgumentException.class, () -> read("id,session,score\n1,0,\"" + bad + "\"\n", COLS),
          bad);
    }
  }

  @Test
  void read_rejectsAHugeScoreWithLineColumnAndTheRange() {
    String m = error("id,session,score\n1,0,10\n1,1,1e308\n");
    assertTrue(m.startsWith("test.csv line 3, column 3 (score): number 1e308 is out of range"), m);
    assertTrue(m.contains("9007199254740992"), m);
    assertTrue(error("id,session,score\n1,0,-9007199254740994\n").contains("out of range"));
    assertEquals(9007199254740992.0,
        read("id,session,score\n1,0,9007199254740992\n", COLS).scoreAt(0));
  }

  @Test
  void read_namesMissingHeaderColumn() {
    String m = error("id,session,bdi\n1,0,10\n");
    assertTrue(m.contains("\"score\" not found"), m);
  }

  @Test
  void read_aMissingColumnsName_isQuotedOnOneLineAndCut() {
    String m = error(LongCsv.withDefaults(), "id,session,score\n1,0,10\n",
        LongCsv.columns("id", "session", "sc\nore" + "x".repeat(2000)));
    assertTrue(m.startsWith("test.csv line 1: column \"sc\\u000aore"), m);
    assertTrue(m.contains("\u2026\" (2006 characters) not found"), m);
    Refusals.checkMessage(m);
  }

  @Test
  void read_hintsAtTheDelimiterWhenTheHeaderIsOneColumn() {
    String m = error("id;session;score\n1;0;10\n");
    assertTrue(m.contains("another delimiter"), m);
  }

  @Test
  void read_rejectsRaggedRowsAndEmptyFile() {
    String m = error("id,session,score\n1,0\n");
    assertTrue(m.contains("line 2: expected 3 fields as in the header, found 2"), m);
    assertTrue(error("").contains("is empty"));
  }

  @Test
  void read_rejectsARepeatedSessionOnConsecutiveRows_namingBothLines() {
    String m = error("id,session,score\n1,0,10\n1,0,11\n");
    assertEquals("test.csv line 3, column 2 (session): client 1 has session 0 twice (first on"
        + " line 2); keep one row per client and time", m);
  }

  @Test
  void read_rejectsARepeatedSessionAnywhereInTheFile() {
    // the client's rows are split by another client's, and out of time order
    String m = error("id,session,score\n1,2,10\n2,0,5\n1,0,11\n1,2,9\n");
    assertTrue(m.startsWith("test.csv line 5, column 2 (session): client 1 has session 2 twice"
        + " (first on line 2)"), m);
    m = error("id,session,score\na,3,10\na,1,11\na,3,9\n");
    assertTrue(m.contains("line 4") && m.contains("first on line 2"), m);
  }

  @Test
  void read_acceptsClientsInAnyOrderWithoutRepeats() {
    LongTable t = read("id,session,score\n1,2,10\n2,0,5\n1,0,11\n2,1,4\n", COLS);
    assertEquals(List.of("1", "2"), t.clientIds());
    assertArrayEquals(new int[] {0, 1, 0, 1},
        new int[] {t.clientIndexAt(0), t.clientIndexAt(1), t.clientIndexAt(2), t.clientIndexAt(3)});
  }

  @Test
  void read_withInstrument_rejectsScoresOffTheResolutionGrid_withLineAndColumn() {
    LongCsv phq9 = LongCsv.withDefaults().withInstrument(Instruments.PHQ9);
    String m = error(phq9, "id,session,score\na,0,20\na,1,15.5\n", COLS);
    assertEquals("test.csv line 3, column 3 (score): PHQ-9 score must be a whole number (the"
        + " instrument's resolution) between 0 and 27, was 15.5", m);
    m = error(phq9, "id,session,score\na,0,28\n", COLS);
    assertTrue(m.startsWith("test.csv line 2, column 3 (score): PHQ-9 score must be between 0"
        + " and 27, was 28"), m);
    LongTable ors = LongCsv.withDefaults().withInstrument(Instruments.ORS)
        .read(new StringReader("id,session,score\na,0,23.2\na,1,40\n"), "ors.csv", COLS);
    assertEquals(23.2, ors.scoreAt(0));
    m = error(LongCsv.withDefaults().withInstrument(Instruments.ORS),
        "id,session,score\na,0,23.25\n", COLS);
    assertTrue(m.contains("ORS score must be a multiple of 0.1"), m);
  }

  @Test
  void read_withoutInstrument_acceptsAnyOutcome() {
    assertEquals(312.75, read("id,session,score\na,0,312.75\n", COLS).scoreAt(0));
  }

  @Test
  void read_semicolonsWithDecimalCommas_asEuropeanSpreadsheetsWrite() {
    LongCsv eu = LongCsv.withDefaults().withDelimiter(';').with(LongCsv.DecimalMark.COMMA);
    LongTable t = eu.read(new StringReader("id;session;score\na;0;12,5\na;1;-,5\n"), "eu.csv",
        COLS);
    assertArrayEquals(new double[] {12.5, -0.5}, t.scores());
    String m = error(eu, "id;session;score\na;0;12.5\n", COLS);
    assertTrue(m.contains("expected a decimal number with a decimal comma, was \"12.5\" (the file"
        + " seems to use a decimal point)"), m);
    m = error(LongCsv.withDefaults().withDelimiter(';'), "id;session;score\na;0;12,5\n", COLS);
    assertTrue(m.contains("(the file seems to use a decimal comma)"), m);
  }

  @Test
  void read_tabSeparated() {
    LongTable t = LongCsv.withDefaults().withDelimiter('\t')
        .read(new StringReader("id\tsession\tscore\na b\t0\t 7 \n"), "t.tsv", COLS);
    assertEquals("a b", t.idAt(0));
    assertEquals(7, t.scoreAt(0));
  }

  @Test
  void configuration_rejectsUnusableDelimitersAndConflicts() {
    for (char c : new char[] {'.', '"', '\n', ' ', 'a', '0', '-'}) {
      assertThrows(IllegalArgumentException.class, () -> LongCsv.withDefaults().withDelimiter(c),
          "" + c);
    }
    String m = error(LongCsv.withDefaults().with(LongCsv.DecimalMark.COMMA), "id,session,score\n",
        COLS);
    assertTrue(m.contains("decimal comma needs another delimiter"), m);
  }

  @Test
  void configuration_hasValueSemantics() {
    LongCsv a = LongCsv.withDefaults().withDelimiter(';').with(LongCsv.DecimalMark.COMMA)
        .withInstrument(Instruments.PHQ9);
    LongCsv b = LongCsv.withDefaults().withInstrument(Instruments.PHQ9)
        .with(LongCsv.DecimalMark.COMMA).withDelimiter(';');
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, LongCsv.withDefaults());
    assertEquals("LongCsv[delimiter=';', decimalMark=COMMA, instrument=PHQ-9]", a.toString());
    assertEquals(';', a.delimiter());
  }

  @Test
  void read_quotedFieldsWithDelimitersQuotesAndLineBreaks_keepPhysicalLineNumbers() {
    String csv = "id,session,score,note\n\"a,\"\"x\"\"\",0,10,\n\"b\",0,5,\"two\nlines\"\nd,0,oops,\n";
    String m = error(csv);
    assertTrue(m.startsWith("test.csv line 5, column 3 (score)"), m); // the quoted break counts
    LongTable t = read(csv.replace("oops", "1"), COLS);
    assertEquals(List.of("a,\"x\"", "b", "d"), t.clientIds());
    assertEquals(5, t.lineAt(2));
  }

  @Test
  void read_skipsBlankLinesAndCountsThem() {
    LongTable t = read("id,session,score\n\n1,0,10\n   \n1,1,9\n\n", COLS);
    assertEquals(2, t.size());
    assertEquals(3, t.lineAt(0));
    assertEquals(5, t.lineAt(1));
  }

  @Test
  void read_acceptsCrLfAndCrLineEndings() {
    assertEquals(2, read("id,session,score\r\na,0,1\r\na,1,2\r\n", COLS).size());
    LongTable t = read("id,session,score\ra,0,1\ra,1,2", COLS);
    assertEquals(2, t.size());
    assertEquals(3, t.lineAt(1));
  }

  @Test
  void read_rejectsBrokenQuoting() {
    String m = error("id,session,score\n\"a,0,10\n");
    assertTrue(m.contains("line 3, column 1: a quoted field is not closed"), m);
    assertTrue(m.contains("opened on line 2"), m);
    m = error("id,session,score\n\"a\"x,0,10\n");
    assertTrue(m.contains("line 2, column 1: unexpected text after the closing quote"), m);
  }

  @Test
  void read_rejectsInvalidClientIdsWithLineAndColumn() {
    String m = error("id,session,score\n\"a\u0001\",0,10\n");
    assertTrue(m.startsWith("test.csv line 2, column 1 (id): client id must not contain control"),
        m);
    m = error("id,session,score\n  ,0,10\n");
    assertTrue(m.contains("line 2, column 1 (id): client id is empty"), m);
  }

  @Test
  void read_covariatesAndAttributesAreClientLevel() {
    LongCsv.Columns cols = COLS.withCovariates("age").withAttributes("site");
    String m = error(LongCsv.withDefaults(),
        "id,session,score,age,site\na,0,1,30,x\nb,0,1,40,y\na,1,2,31,x\n", cols);
    assertEquals("test.csv line 4, column 4 (age): a covariate is client-level, but client a has"
        + " 30 on line 2 and 31 here", m);
    m = error(LongCsv.withDefaults(),
        "id,session,score,age,site\na,0,1,30,x\na,1,2,30,z\n", cols);
    assertTrue(m.startsWith("test.csv line 3, column 5 (site): client a has \"z\" here but \"x\" on"
        + " line 2"), m);
    assertTrue(error(LongCsv.withDefaults(), "id,session,score,age,site\na,0,1,30, \n", cols)
        .contains("line 2, column 5 (site): value is empty"));
  }

  @Test
  void columns_rejectTheSameColumnInTwoRoles() {
    assertThrows(IllegalArgumentException.class, () -> LongCsv.columns("id", "id", "score"));
    assertThrows(IllegalArgumentException.class, () -> COLS.withCovariates("score"));
    // a name holding line breaks (a serve form's field) is quoted on one line, and cut
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LongCsv.columns("id\nc,1,21\nscore", "session", "id\nc,1,21\nscore"));
    assertEquals("column \"id\\u000ac,1,21\\u000ascore\" is requested twice; each column has"
        + " one role", e.getMessage());
    String longName = "x".repeat(500);
    e = assertThrows(IllegalArgumentException.class,
        () -> LongCsv.columns(longName, longName, "score"));
    assertTrue(e.getMessage().contains("(500 characters)") && e.getMessage().length() < 150,
        e.getMessage());
  }

  @Test
  void read_ignoresAUtf8ByteOrderMark_asExcelWritesIt(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bom.csv");
    Files.write(f, "\uFEFFid,session,score\r\na,0,20\r\na,1,10\r\n".getBytes("UTF-8"));
    LongTable t = LongCsv.withDefaults().read(f, COLS);
    assertEquals(2, t.size());
    assertEquals("a", t.idAt(0));
    assertEquals("a", read("\uFEFFid,session,score\na,0,20\n", COLS).idAt(0));
  }

  @Test
  void read_byteOrderMarkBeforeAQuotedHeader_asRsWriteCsvWritesIt(@TempDir Path dir)
      throws IOException {
    Path f = dir.resolve("r.csv");
    Files.write(f, "\uFEFF\"id\",\"session\",\"score\"\r\n\"a\",0,20\r\n\"a\",1,10\r\n"
        .getBytes("UTF-8"));
    LongTable t = LongCsv.withDefaults().read(f, COLS);
    assertEquals(2, t.size());
    assertEquals("a", t.idAt(0));
    // only at the very start: a byte-order mark anywhere else is text, and no id may hold it
    String m = error("id,session,score\n\uFEFF\"a\",0,20\n");
    assertTrue(m.startsWith("test.csv line 2, column 1 (id)"), m);
  }

  @Test
  void read_controlCharactersNextToQuotes_areRefusedNotDropped() {
    for (String cell : new String[] {"\"a\"\u0001", "\u0001\"a\"", "\"a\u0001\"", "\"\u0001a\""}) {
      String m = error("id,session,score\n" + cell + ",0,20\n");
      assertTrue(m.startsWith("test.csv line 2, column 1"), cell + ": " + m);
      assertTrue(m.contains("U+0001") || m.contains("control"), cell + ": " + m);
    }
    for (String cell : new String[] {"\"20\"\u0002", "\u0002\"20\"", "\"2\u00020\""}) {
      String m = error("id,session,score\na,0," + cell + "\n");
      assertTrue(m.startsWith("test.csv line 2, column 3"), cell + ": " + m);
    }
    LongCsv.Columns site = COLS.withAttributes("site");
    for (String cell : new String[] {"\"x\u0003\"", "\u0003\"x\"", "x\u0003"}) {
      String m = error(LongCsv.withDefaults(), "id,session,score,site\na,0,20," + cell + "\n", site);
      assertTrue(m.startsWith("test.csv line 2, column 4 (site)"), cell + ": " + m);
      assertTrue(m.contains("U+0003") || m.contains("control"), cell + ": " + m);
    }
  }

  @Test
  void read_rejectsTextThatIsNotUtf8(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("latin1.csv");
    Files.write(f, "id,session,score\nJos\u00e9,0,20\n".getBytes("ISO-8859-1"));
    String m = assertThrows(IllegalArgumentException.class,
        () -> LongCsv.withDefaults().read(f, COLS)).getMessage();
    assertTrue(m.contains("is not UTF-8 text"), m);
  }

  @Test
  void read_missingFileIsAnIoError(@TempDir Path dir) {
    assertThrows(UncheckedIOException.class,
        () -> LongCsv.withDefaults().read(dir.resolve("none.csv"), COLS));
  }

  @Test
  void read_givesTheSameTableWhateverTheChunksTheTextArrivesIn() {
    // a long file read through a reader returning 1 to 7 chars at a time crosses every buffer
    // boundary case: inside quotes, between CR and LF, inside a doubled quote
    qt().withExamples(60).forAll(quick(LongCsvTest::randomTable)).checkAssert(rows -> {
      String csv = toCsv(rows);
      LongTable whole = read(csv, COLS);
      LongTable chunked = LongCsv.withDefaults().read(new Trickle(csv), "t", COLS);
      assertEquals(rows.size(), whole.size());
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(rows.get(i).id, whole.idAt(i));
        assertEquals(rows.get(i).session, whole.timeAt(i));
        assertEquals(rows.get(i).score, whole.scoreAt(i));
        assertEquals(whole.idAt(i), chunked.idAt(i));
        assertEquals(whole.lineAt(i), chunked.lineAt(i));
        assertEquals(whole.scoreAt(i), chunked.scoreAt(i));
      }
    });
  }

  @Test
  void read_buffersLongRecords() {
    String id = "x".repeat(100);
    StringBuilder sb = new StringBuilder("id,session,score,note\n");
    sb.append(id).append(",0,1,\"").append("y".repeat(200_000)).append("\"\n");
    LongTable t = read(sb.toString(), COLS);
    assertEquals(id, t.idAt(0));
  }

  @Test
  void toCohort_sortsSessionsAndChecksRangeWithLineAndColumn() {
    LongTable t = read("id,s,score\n1,2,10\n1,0,20\n2,0,5\n", LongCsv.columns("id", "s", "score"));
    Cohort c = t.toCohort(Instruments.PHQ9);
    assertEquals(2, c.size());
    assertEquals(0, c.find(ClientId.of("1"), "PHQ-9").orElseThrow().sessionAt(0));
    String m = assertThrows(IllegalArgumentException.class,
        () -> read("id,s,score\n1,0,10\n1,1,28\n", LongCsv.columns("id", "s", "score"))
            .toCohort(Instruments.PHQ9)).getMessage();
    assertTrue(m.startsWith("test.csv line 3, column 3 (score): PHQ-9"), m);
    m = assertThrows(IllegalArgumentException.class,
        () -> read("id,s,score\n1,0.5,10\n", LongCsv.columns("id", "s", "score"))
            .toCohort(Instruments.PHQ9)).getMessage();
    assertTrue(m.startsWith("test.csv line 2, column 2 (s): session must be a whole number"), m);
  }

  @Test
  void toGrowthData_groupsByClientWithCovariates() {
    LongTable t = read("id,t,y,age\na,0,1,30\nb,0,2,40\na,1,3,30\n",
        LongCsv.columns("id", "t", "y").withCovariates("age"));
    GrowthData d = t.toGrowthData();
    assertEquals(List.of("a", "b"), d.clients());
    assertArrayEquals(new double[] {0, 1, 0}, d.groupedTimes());
    assertArrayEquals(new double[] {1, 3, 2}, d.groupedScores());
    assertEquals(40, d.covariate("age", 1));
    assertThrows(IllegalArgumentException.class, () -> read("id,t,y\n", COLS_TY).toGrowthData());
  }

  private static final LongCsv.Columns COLS_TY = LongCsv.columns("id", "t", "y");

  @Test
  void write_thenRead_roundTrips() {
    Cohort c =
        read("id,s,score\n\"a,b\",0,10\n\"a,b\",3,7\nc,1,2.5\n", LongCsv.columns("id", "s", "score"))
            .toCohort(Instruments.PHQ9);
    StringWriter w = new StringWriter();
    LongCsv.write(c, w);
    Cohort back =
        LongCsv.withDefaults().read(new StringReader(w.toString()), "w", COLS)
            .toCohort(Instruments.PHQ9);
    assertEquals(c, back);
  }

  private record Row(String id, int session, double score, String note) {}

  private static List<Row> randomTable(org.apache.commons.rng.UniformRandomProvider rng) {
    int n = rng.nextInt(400);
    List<Row> rows = new ArrayList<>();
    String alphabet = "ab,;\" x\u00e9";
    int client = 0;
    int session = 0;
    String id = "c0";
    for (int i = 0; i < n; i++) {
      if (i == 0 || rng.nextInt(4) == 0) {
        StringBuilder sb = new StringBuilder("c" + client++);
        int extra = rng.nextInt(4);
        for (int k = 0; k < extra; k++) {
          sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        }
        id = sb.toString().strip();
        session = 0;
      }
      double score = rng.nextInt(2_000_000) / (rng.nextBoolean() ? 1000.0 : 7.0);
      StringBuilder note = new StringBuilder();
      int len = rng.nextInt(6);
      for (int k = 0; k < len; k++) {
        note.append("a\"\n\r, ".charAt(rng.nextInt(6)));
      }
      rows.add(new Row(id, session++, score, note.toString()));
    }
    return rows;
  }

  private static String toCsv(List<Row> rows) {
    StringBuilder sb = new StringBuilder("id,session,note,score\r\n");
    for (Row r : rows) {
      sb.append(LongCsv.quote(r.id)).append(',').append(r.session).append(",")
          .append(r.note.isEmpty() ? "" : "\"" + r.note.replace("\"", "\"\"") + "\"")
          .append(',').append(r.score).append(r.session % 3 == 0 ? "\r\n" : "\n");
    }
    return sb.toString();
  }

  /** A reader that returns at most a few chars per call. */
  private static final class Trickle extends Reader {
    private final String text;
    private int pos;

    Trickle(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
      if (pos >= text.length()) {
        return -1;
      }
      int k = Math.min(Math.min(len, 1 + pos % 7), text.length() - pos);
      text.getChars(pos, pos + k, cbuf, off);
      pos += k;
      return k;
    }

    @Override
    public void close() {}
  }

  // ------------------------------------------------------------ 10 MB adversarial files

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void read_tenMegabyteFiles_areRefusedShortlyWithinBoundedMemory() {
    StringBuilder wide = new StringBuilder();
    for (int c = 0; wide.length() < LargeInputs.SIZE; c++) {
      wide.append(c == 0 ? "" : ",").append("column").append(c);
    }
    String header = wide.append('\n').toString();
    String m = LargeInputs.assertRefused(header, () -> read(header, COLS));
    assertTrue(m.startsWith("test.csv line 1: column \"id\" not found; the header has [column0,"), m);
    assertTrue(m.matches(".* \u2026 \\d+ more\\]"), m);
    String unclosed = LargeInputs.of("id,session,score\n\"", "x", "");
    m = LargeInputs.assertRefused(unclosed, () -> read(unclosed, COLS));
    assertTrue(m.contains("a quoted field is not closed"), m);
    String hugeId = LargeInputs.of("id,session,score\n", "x", ",0,20\n");
    m = LargeInputs.assertRefused(hugeId, () -> read(hugeId, COLS));
    assertTrue(m.startsWith("test.csv line 2, column 1 (id)"), m);
    String hugeScore = LargeInputs.of("id,session,score\na,0,1", "0", "\n");
    m = LargeInputs.assertRefused(hugeScore, () -> read(hugeScore, COLS));
    assertTrue(m.startsWith("test.csv line 2, column 3 (score)"), m);
    String blankLines = LargeInputs.of("", "\n", "");
    LargeInputs.assertRefused(blankLines, () -> read(blankLines, COLS));
    String onlyHeader = LargeInputs.of("id,session,score", "\n \t", "");
    long before = LargeInputs.allocated();
    LongTable empty = read(onlyHeader, COLS);
    assertTrue(LargeInputs.allocated() - before < LargeInputs.BYTES_PER_CHAR * onlyHeader.length());
    assertEquals(0, empty.size());
    m = LargeInputs.assertRefused(onlyHeader, () -> empty.toGrowthData());
    assertEquals("test.csv has a header but no rows", m);
  }
}
