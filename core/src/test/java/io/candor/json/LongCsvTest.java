package io.candor.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.ClientId;
import io.candor.domain.Cohort;
import io.candor.measure.Instruments;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LongCsvTest {

  private static LongTable read(String csv, LongCsv.Columns cols) {
    return LongCsv.read(new StringReader(csv), "test.csv", cols);
  }

  @Test
  void read_parsesColumnsCovariatesAndAttributes() {
    LongTable t =
        read(
            "client,week,phq9,age,site\nA,0,18,34,north\nA,1,15,34,north\nB,0,12,51,south\n",
            LongCsv.columns("client", "week", "phq9").withCovariates("age").withAttributes("site"));
    assertEquals(3, t.size());
    assertArrayEquals(new double[] {0, 1, 0}, t.times());
    assertArrayEquals(new double[] {18, 15, 12}, t.scores());
    assertArrayEquals(new double[] {34, 34, 51}, t.covariate("age"));
    assertArrayEquals(new String[] {"north", "north", "south"}, t.attribute("site"));
    assertEquals(3, t.lineAt(1));
  }

  @Test
  void read_namesLineAndColumnOfBadNumber() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> read("id,session,score\n1,0,10\n1,1,abc\n", LongCsv.columns("id", "session", "score")));
    assertTrue(e.getMessage().contains("line 3, column 3 (score)"), e.getMessage());
    assertTrue(e.getMessage().contains("abc"), e.getMessage());
  }

  @Test
  void read_rejectsEmptyAndNaCellsInsteadOfDroppingRows() {
    assertThrows(
        IllegalArgumentException.class,
        () -> read("id,session,score\n1,0,\n", LongCsv.columns("id", "session", "score")));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> read("id,session,score\n1,0,NA\n", LongCsv.columns("id", "session", "score")));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  @Test
  void read_rejectsHexInfinityAndSuffixedNumbers() {
    for (String bad : new String[] {"0x10", "Infinity", "1d", "1e999"}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> read("id,session,score\n1,0," + bad + "\n", LongCsv.columns("id", "session", "score")),
          bad);
    }
  }

  @Test
  void read_namesMissingHeaderColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> read("id,session,bdi\n1,0,10\n", LongCsv.columns("id", "session", "score")));
    assertTrue(e.getMessage().contains("\"score\" not found"), e.getMessage());
  }

  @Test
  void read_rejectsRaggedRowsAndEmptyFile() {
    assertThrows(
        IllegalArgumentException.class,
        () -> read("id,session,score\n1,0\n", LongCsv.columns("id", "session", "score")));
    assertThrows(IllegalArgumentException.class, () -> read("", LongCsv.columns("id", "session", "score")));
  }

  @Test
  void toCohort_sortsSessionsAndChecksRangeWithLine() {
    LongTable t = read("id,s,score\n1,2,10\n1,0,20\n2,0,5\n", LongCsv.columns("id", "s", "score"));
    Cohort c = t.toCohort(Instruments.PHQ9);
    assertEquals(2, c.size());
    assertEquals(0, c.find(ClientId.of("1"), "PHQ-9").orElseThrow().sessionAt(0));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> read("id,s,score\n1,0,10\n1,1,28\n", LongCsv.columns("id", "s", "score")).toCohort(Instruments.PHQ9));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> read("id,s,score\n1,0,10\n1,0,11\n", LongCsv.columns("id", "s", "score")).toCohort(Instruments.PHQ9));
    assertThrows(
        IllegalArgumentException.class,
        () -> read("id,s,score\n1,0.5,10\n", LongCsv.columns("id", "s", "score")).toCohort(Instruments.PHQ9));
  }

  @Test
  void write_thenRead_roundTrips() {
    Cohort c =
        read("id,s,score\n\"a,b\",0,10\n\"a,b\",3,7\nc,1,2.5\n", LongCsv.columns("id", "s", "score"))
            .toCohort(Instruments.PHQ9);
    StringWriter w = new StringWriter();
    LongCsv.write(c, w);
    Cohort back =
        LongCsv.read(new StringReader(w.toString()), "w", LongCsv.columns("id", "session", "score"))
            .toCohort(Instruments.PHQ9);
    assertEquals(c, back);
  }

  @Test
  void read_ignoresAUtf8ByteOrderMark_asExcelWritesIt() {
    // Excel's "CSV UTF-8" starts the file with U+FEFF; the first column must still be "id"
    String csv = "\uFEFFid,session,score\r\na,0,20\r\na,1,10\r\n";
    LongTable t =
        LongCsv.read(new StringReader(csv), "bom.csv", LongCsv.columns("id", "session", "score"));
    assertEquals(2, t.size());
    assertEquals("a", t.idAt(0));
  }
}
