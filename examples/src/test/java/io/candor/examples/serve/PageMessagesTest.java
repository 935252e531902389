package io.candor.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.robustness.Refusals;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a page says about a bad form: one line, with the one offending value quoted and cut. */
class PageMessagesTest {

  private static Form form(String body) {
    return Form.parse("application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
  }

  private static String error(Pages.Page page, Form form) {
    String m = assertThrows(IllegalArgumentException.class, () -> page.results(form)).getMessage();
    Refusals.checkMessage(m);
    return m;
  }

  @Test
  void explorer_aValueWithALineBreak_isQuotedOnOneLine() {
    assertEquals("--intake must be a finite number, was \"1\\u000a2\"",
        error(new ExplorerPage(), form("intake=1%0A2&sessions=12")));
    String m = error(new ExplorerPage(), form("intake=18&sessions=12&items=1+" + "9".repeat(3000)));
    assertTrue(m.endsWith("\u2026\" (3000 characters)"), m);
  }

  @Test
  void caseloadAndResearch_choicesOutOfRange_areQuotedAndCut() {
    String m = error(new CaseloadPage(), form("horizon=12&referrals=1&capacity=20&weeks=x%0Dy"
        + "&therapists=1"));
    assertEquals("--weeks must be a finite number, was \"x\\u000dy\"", m);
    byte[] body = ("--B\r\nContent-Disposition: form-data; name=\"classes\"\r\n\r\nnone\r\n"
        + "--B\r\nContent-Disposition: form-data; name=\"starts\"\r\n\r\n2\r\n"
        + "--B\r\nContent-Disposition: form-data; name=\"delimiter\"\r\n\r\n"
        + "colon\ncomma\r\n--B\r\nContent-Disposition: form-data; name=\"data\"; filename=\"a.csv\""
        + "\r\n\r\nid,session,score\r\na,0,1\r\n--B--\r\n").getBytes(StandardCharsets.UTF_8);
    m = error(new ResearchPage(), Form.parse("multipart/form-data; boundary=B", body));
    assertEquals("--delimiter must be comma, semicolon, tab or pipe, was \"colon\\u000acomma\"", m);
  }

  @Test
  void research_anUploadedFileName_isQuotedInEveryMessage() {
    byte[] body = ("--B\r\nContent-Disposition: form-data; name=\"classes\"\r\n\r\nnone\r\n"
        + "--B\r\nContent-Disposition: form-data; name=\"starts\"\r\n\r\n2\r\n"
        + "--B\r\nContent-Disposition: form-data; name=\"data\"; filename=\"a\nb.csv\""
        + "\r\n\r\nid,session,score\r\na,0,x\r\n--B--\r\n").getBytes(StandardCharsets.UTF_8);
    String m = error(new ResearchPage(), Form.parse("multipart/form-data; boundary=B", body));
    assertTrue(m.startsWith("upload \"a\\u000ab.csv\" line 2, column 3"), m);
  }

  @Test
  void explorerAndCaseload_anUnknownInstrument_isAboutTheInstrumentField() {
    for (Pages.Page page : new Pages.Page[] {new ExplorerPage(), new CaseloadPage()}) {
      String m = error(page, form("instrument=P%22terms%22+%3A+%5B+%22a%22%2C+%22b%22+%5D&intake=18&sessions=12"));
      assertTrue(m.startsWith("--instrument: unknown instrument \"P\"terms\""), m);
    }
  }
}
