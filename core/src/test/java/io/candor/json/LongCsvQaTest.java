package io.candor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Regressions found in the end-to-end QA pass. */
class LongCsvQaTest {

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
