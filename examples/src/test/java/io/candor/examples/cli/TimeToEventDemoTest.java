package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TimeToEventDemoTest {

  @Test
  void demoSection_printsMilestonesAndMedian() {
    StringWriter s = new StringWriter();
    TimeToEventDemo.demoSection(new PrintWriter(s));
    String text = s.toString();
    assertTrue(text.contains("50% of clients improved by about 8 sessions"), text);
    assertTrue(text.contains("75% of clients improved by about 26 sessions"), text);
    assertTrue(text.contains("median sessions to reliable improvement: "), text);
  }
}
