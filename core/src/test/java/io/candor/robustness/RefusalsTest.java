package io.candor.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.internal.Checks;
import io.candor.json.LongCsv;
import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The refusal checks fail on what they are there to catch. */
class RefusalsTest {

  @Test
  void checkMessage_catchesEchoedRecordsLineBreaksAndRecordText() {
    String csv = "id,session,score,note\nclient-7,0,abc,private note\n";
    assertThrows(AssertionError.class, () -> Refusals.checkMessage(
        "line 2: bad row client-7,0,abc,private note", csv));
    Refusals.checkMessage("cohort.csv line 2, column 3 (score): expected a decimal number, was \"abc\"", csv);
    String json = "{\"value\": {\"client\": \"a\", \"score\": \"x\"}}";
    assertThrows(AssertionError.class, () -> Refusals.checkMessage(
        "score must be a number, was {\"client\":\"a\",\"score\":\"x\"}", json));
    Refusals.checkMessage("trajectory.score must be a number, was \"x\"", json);
    // the one offending value may hold commas: a JSON string, or one quoted CSV field
    Refusals.checkMessage("scenario must be a JSON object, was \":0.0405,\"",
        "{\"value\": \":0.0405,\"}");
    Refusals.checkMessage("line 2, column 1 (id): client id must not be blank, was \"a,0,20\"",
        "id\n\"a,0,20\"\n");
    // the header may be named: a later line that is part of the header is not echoed by it
    Refusals.checkMessage("line 1: column \"id\" not found; the header has [\"id,sesq0,2aa,0,20ore.id\"]",
        "id,sesq0,2aa,0,20ore.id\nore.id,sa\n");
    Refusals.checkMessage("line 1: column \"id\" not found; the header has [\"x,a(1,18\\u000a:a,b9\"]",
        "\"x,a(1,18\n:a,b9\"\n1,2\n");
    assertThrows(AssertionError.class, () -> Refusals.checkMessage(
        "line 1: the header has [\"id,score\"]; line 2 was a,0,20", "id,score\na,0,20\n"));
    // a CSV header that is also a JSON array may be named as the header
    Refusals.checkMessage("fuzz.csv line 1: column \"id\" not found; the header has [[[[]],18]]",
        "[[[]],18]\n");
    // the quoted value may end in what is also a later line; a line outside the value still counts
    String tabs = "id\tsession\tscore\na\t0\t+03,00\u000005,02\"\n05,02\"\n";
    Refusals.checkMessage("line 2, column 3 (score): expected a decimal number, was"
        + " \"+03,00\\u000005,02\"\"", tabs);
    assertThrows(AssertionError.class, () -> Refusals.checkMessage(
        "line 2 then 05,02\", column 3 (score): was \"+03\"", tabs));
    assertThrows(AssertionError.class, () -> Refusals.checkMessage("bad\nmessage"));
    assertThrows(AssertionError.class, () -> Refusals.checkMessage(" "));
    assertThrows(AssertionError.class, () -> Refusals.checkMessage("x".repeat(Refusals.MAX_MESSAGE + 1)));
    assertThrows(AssertionError.class, () -> Refusals.checkMessage(
        "duplicate Observation[session=1, date=Optional.empty, score=3.0]"));
  }

  @Test
  void aValueQuotedAndCut_isSetAside_butAnArrayOutsideItStillCounts() {
    // an uploaded file named with text copied from the file itself, named in the message
    String json = "{\"fixedEffects\" : [ 16.775561806390762, -1.666640121096417 ], \"x\": 1}";
    Refusals.checkMessage("uploaded model \"fixedEffects\" : [ 16.775561806390762,"
        + " -1.666640121096417 ],…\" (263 characters): document.x is not a known field", json);
    assertThrows(AssertionError.class, () -> Refusals.checkMessage("uploaded model \"m.json\": was"
        + " [ 16.775561806390762, -1.666640121096417 ]", json));
  }

  @Test
  void aValueQuotedAndCut_isSetAside_withItsControlCharactersEscaped() {
    // a form's column name holding the uploaded CSV text: 59 characters of it quoted, each line
    // break written as a six-character escape, so the quote is longer than 60 characters
    String csv = "id,session,score\r\na,2,20\r\na,1,17\r\na,2,12\r\nb,0,\u0007\u0007\u0007"
        + "\u0007\u0007\u0007\u0007\u0007\u0007\u0007\u0007\u0007\u0007\r\nb,1,14\r\n";
    String column = csv.substring(0, csv.length() - 8);
    String m = "upload \"a.csv\" line 1: column " + Checks.quote(column)
        + " not found; the header has [id, session, score]";
    assertTrue(m.length() > 200, m);
    Refusals.checkMessage(m, csv);
    // a line of the file outside the quote still counts
    assertThrows(AssertionError.class, () -> Refusals.checkMessage(
        "upload \"a.csv\" line 1: a,2,20 not found", csv));
  }

  @Test
  void aQuoteOfManyEscapesThatIsNotCut_isCheckedInLinearTime() {
    // each escape could once be read as one character or as six, and the search for a cut quote
    // tried every reading: seconds for this message (under the fuzzer's hooks, hours), where one
    // reading takes under a millisecond
    String m = ("\"" + "\\u0007".repeat(54)).repeat(3);
    assertTrue(m.length() <= Refusals.MAX_MESSAGE);
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Refusals.checkMessage(m, "id,s\na,2,20\n"));
    // a backslash of the user's own inside a cut quote is one character
    Refusals.checkMessage("column \"x\\y a,2,20" + "\\u0007".repeat(20) + "…\" (300 characters) not found",
        "id,s\na,2,20\n");
  }

  @Test
  void recordText_countsUnlessTheInputHoldsIt() {
    // a form field whose value looks like the start of a record's toString, quoted as the one
    // offending value: the user's own text, not a record
    String body = "observed=1%3A17%2C2%3ORE-10, OQ[s=13&items=2";
    Refusals.checkQuoting(new IllegalArgumentException(
        "the form is not well-formed: a bad percent escape in \"1%3A17%2C2%3ORE-10, OQ[s=13\""), body);
    Refusals.checkMessage("observed: was \"OQ[s=13\"", "id,observed\na,OQ[s=13\n");
    // a record's text the input does not hold is still caught, with or without the input
    assertThrows(AssertionError.class, () -> Refusals.checkQuoting(new IllegalArgumentException(
        "bad OQ[s=13 and Observation[session=1, score=3.0]"), body));
    assertThrows(AssertionError.class, () -> Refusals.checkMessage(
        "was Observation[session=1, score=3.0]", "id,score\na,3\n"));
    assertThrows(AssertionError.class, () -> Refusals.checkQuoting(
        new IllegalArgumentException("line one\nline two"), body));
  }

  @Test
  void checkMessage_letsALineCopyingTheMessagesOwnWordsPass_whenTheMessageHoldsItWhateverTheLineSays() {
    String csv = "id,session,score\na,0,abc\nline 2, column 3 (score)\n";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(csv));
    // without a way to refuse other input, the copied words look like a repeated line
    assertThrows(AssertionError.class, () -> Refusals.check(e, csv));
    Refusals.check(e, csv, RefusalsTest::refusal);
  }

  @Test
  void checkMessage_stillCatchesARepeatedLine_whenTheInputCanBeRefusedAgain() {
    Function<String, Optional<String>> echo =
        text -> Optional.of("line 2: bad row " + text.lines().skip(1).findFirst().orElse(""));
    String csv = "id,session,score,note\nclient-7,0,abc,private note\n";
    assertThrows(AssertionError.class, () -> Refusals.checkMessage(
        "line 2: bad row client-7,0,abc,private note", csv, echo));
    // a line of digits only is altered by its digits
    String digits = "id,session,score\n17,0,20\n";
    assertThrows(AssertionError.class, () -> Refusals.checkMessage("line 2: bad row 17,0,20", digits, echo));
    // refused again with the line altered, the input is accepted: the message depended on the line
    assertThrows(AssertionError.class, () -> Refusals.checkMessage(
        "line 2: bad row client-7,0,abc,private note", csv, text -> Optional.empty()));
    // a line of neither letters nor digits is altered by its first character
    assertThrows(AssertionError.class, () -> Refusals.checkMessage(
        "line 2: bad row ;;,,;;", "id,score\n;;,,;;\n", echo));
    // ... and a message that holds it whatever the line says passes (the CLI quotes an argument
    // '@,,,,,,,,,,,,,,,l' and the input file has a line @,,,,,,,,,,,)
    String file = "id,session\n@,,,,,,,,,,,\n";
    String quoted = "Unmatched argument at index 0: '@,,,,,,,,,,,,,,,l'";
    Refusals.checkMessage(quoted, file, text -> Optional.of(quoted));
    assertThrows(AssertionError.class, () -> Refusals.checkMessage(quoted, file));
  }

  @Test
  void aJsonArrayTheMessageHoldsWhateverTheArraySays_passes_butAnEchoedOneIsCaught() {
    // the serve target, after 914,795 executions: an uploaded model's unknown field named
    // `formatVers], [ -2.04, 6.19 ] ion`, quoted in the message, beside that very array
    String json = "{\"formatVers], [ -2.04, 6.19 ] ion\": 1, \"v\": [-2.04, 6.19]}";
    String own = "document.\"formatVers], [ -2.04, 6.19 ] ion\" is not a known field";
    assertThrows(AssertionError.class, () -> Refusals.checkMessage(own, json));
    Refusals.checkMessage(own, json, other -> Optional.of(own));
    // the message follows the array: refused again with the array altered, it no longer holds
    // the original
    Function<String, Optional<String>> echo = text -> Optional.of("bad values "
        + text.substring(text.indexOf("\"v\":") + 5, text.lastIndexOf('}')).strip());
    AssertionError caught = assertThrows(AssertionError.class,
        () -> Refusals.checkMessage("bad values [ -2.04, 6.19 ]", json, echo));
    assertTrue(caught.getMessage().contains("JSON array"), caught.getMessage());
    // accepted when altered: the message depended on the array
    assertThrows(AssertionError.class, () -> Refusals.checkMessage(
        "bad values [ -2.04, 6.19 ]", json, other -> Optional.empty()));
  }

  @Test
  void manyLinesTheMessageHoldsWhateverTheySay_costOneRefusal_andAnEchoAmongThemIsStillCaught() {
    // the CLI quotes its arguments, which are also lines of the input file
    String file = "id,session\na,0,20\nb,1,14\nc,2,9\nclient-7,private\n";
    String own = "Unmatched arguments: 'a,0,20', 'b,1,14', 'c,2,9'";
    int[] calls = {0};
    Refusals.checkMessage(own, file, text -> {
      calls[0]++;
      return Optional.of(own);
    });
    assertEquals(1, calls[0]);
    // one line echoed from the input among them: the altered input no longer gives it, so it is
    // checked alone, and caught
    String echo = own + "; line 5 is client-7,private";
    calls[0] = 0;
    AssertionError caught = assertThrows(AssertionError.class, () -> Refusals.checkMessage(
        echo, file, text -> {
          calls[0]++;
          return Optional.of(own + "; line 5 is " + text.lines().skip(4).findFirst().orElse(""));
        }));
    assertTrue(caught.getMessage().contains("line 5"), caught.getMessage());
    assertEquals(2, calls[0]);
    // two lines, each the other altered: altering both at once proves nothing, so each is
    // refused alone, and the echo is caught
    String swapped = "id,session\nab,0,C\nAB,0,c\n";
    Function<String, Optional<String>> both =
        text -> Optional.of("rows " + String.join(" and ", text.lines().skip(1).toList()));
    calls[0] = 0;
    assertThrows(AssertionError.class, () -> Refusals.checkMessage("rows ab,0,C and AB,0,c",
        swapped, text -> {
          calls[0]++;
          return both.apply(text);
        }));
    assertEquals(1, calls[0]);
  }

  @Test
  void checkMessage_letsAMessageAboutTheHeaderNameAQuotedNameOverSeveralLines_butNotARowAfterIt() {
    String csv = "id,\"a\nb,score\nc\",score,\"a\nb,score\nc\"\n1,0,2,3\nb,score\n";
    assertEquals("[false, false, false, false, false, true, true, true]",
        java.util.Arrays.toString(Refusals.rows(csv)));
    String twice = "fuzz.csv line 1: column \"a\\u000ab,score\\u000ac\" appears twice in the header";
    Refusals.checkMessage(twice, csv.substring(0, csv.lastIndexOf("b,score")));
    // a later row equal to a line of the name: the message holds it whatever the row says
    Refusals.checkMessage(twice, csv, other -> Optional.of(twice));
    assertThrows(AssertionError.class, () -> Refusals.checkMessage(
        "fuzz.csv line 1: column \"a\" appears twice in the header; line 6 is 1,0,2,3", csv));
    assertEquals("[false, true, true]",
        java.util.Arrays.toString(Refusals.rows("id,\"a \"\"b\"\"\",score\r\n1,2,3\r\n")));
    assertEquals("[false, false, true, true]",
        java.util.Arrays.toString(Refusals.rows("id;\"a\r\nb\";score\r\n1,2,3\r\n")));
    assertEquals("[false, true, true]", java.util.Arrays.toString(Refusals.rows("id,a\"b\nc\",score\n")));
    // blank lines before the header; a row's quoted value over two lines
    assertEquals("[false, false, false, false, true, true, false, true]", java.util.Arrays.toString(
        Refusals.rows("\n \t\r\nid,\"a\nb\",score\n1,2,3\na,\"0\n1\",2\n")));
  }

  @Test
  void altered_swapsTheCaseOfLetters_orElseChangesDigits() {
    assertEquals("A,0,Bc", Refusals.altered("a,0,bC"));
    assertEquals("2,1,0", Refusals.altered("1,0,9"));
    assertEquals("x;,,;;", Refusals.altered(";;,,;;"));
    assertEquals("x,,", Refusals.altered("\uD83D\uDE00,,"));
  }

  private static Object read(String csv) {
    return LongCsv.withDefaults().read(new StringReader(csv), "fuzz.csv", LongCsv.columns("id", "session", "score"));
  }

  private static Optional<String> refusal(String csv) {
    try {
      read(csv);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }
}
