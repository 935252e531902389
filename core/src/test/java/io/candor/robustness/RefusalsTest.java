package io.candor.robustness;

import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
