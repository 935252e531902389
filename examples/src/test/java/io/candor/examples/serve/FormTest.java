package io.candor.examples.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void multipart_givesFieldsAndFilesWithBinaryContentIntact() {
    byte[] body = bytes("--AaB03x\r\nContent-Disposition: form-data; name=\"intake\"\r\n\r\n18\r\n"
        + "--AaB03x\r\nContent-Disposition: form-data; name=\"data\"; filename=\"a.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\nid,session,score\r\na,0,1\r\n\r\n--AaB03x--\r\n");
    Form f = Form.parse("multipart/form-data; boundary=AaB03x", body);
    assertEquals("18", f.field("intake").orElseThrow());
    Upload u = f.file("data").orElseThrow();
    assertEquals("a.csv", u.filename());
    assertArrayEquals(bytes("id,session,score\r\na,0,1\r\n"), u.bytes());
    assertTrue(f.field("missing").isEmpty());
  }

  @Test
  void urlEncoded_decodesUtf8() {
    Form f = Form.parse("application/x-www-form-urlencoded",
        bytes("observed=1%3A17%2C2%3A16&label=caf%C3%A9&empty="));
    assertEquals("1:17,2:16", f.field("observed").orElseThrow());
    assertEquals("café", f.field("label").orElseThrow());
    assertTrue(f.field("empty").isEmpty());
  }

  @Test
  void malformedBodies_areRejectedWithWhatIsWrong() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Form.parse("multipart/form-data", bytes("x")));
    assertTrue(e.getMessage().contains("no boundary"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Form.parse("multipart/form-data; boundary=b", bytes("nothing here")));
    assertTrue(e.getMessage().contains("no parts"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Form.parse(
        "multipart/form-data; boundary=b", bytes("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--")));
    assertTrue(e.getMessage().contains("a part has no name"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Form.parse("application/x-www-form-urlencoded", bytes("a=%zz")));
    assertTrue(e.getMessage().contains("not well-formed"), e.getMessage());
  }

  @Test
  void anotherContentType_isNamedQuotedOnOneLine() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Form.parse("multipart/form-dame=\"data\"\r\n", bytes("x")));
    assertEquals("the form was sent as \"multipart/form-dame=\"data\"\\u000d\\u000a\"; send it as a"
        + " form (application/x-www-form-urlencoded or multipart/form-data)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Form.parse(null, bytes("x")));
    assertTrue(e.getMessage().startsWith("the form was sent as \"\";"), e.getMessage());
  }

  @Test
  void aBadPercentEscape_isNamedQuotedOnOneLine() {
    String m = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Form.parse("application/x-www-form-urlencoded",
            "a=%zz\nb,c\n".getBytes(StandardCharsets.UTF_8))).getMessage();
    io.candor.robustness.Refusals.checkMessage(m);
    org.junit.jupiter.api.Assertions.assertEquals(
        "the form is not well-formed: a bad percent escape in \"%zz\\u000ab,c\\u000a\"", m);
  }
}
