package io.candor.charts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.caseload.CaseloadRun;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CaseloadChartTest {

  private static final CaseloadRun RUN = Fixtures.caseload();

  @Test
  void twoYearsOfTenTherapists_equalTheGoldenFiles() {
    Chart c = CaseloadChart.withDefaults().draw(RUN);
    Golden.check("caseload.svg", c.toSvg().getBytes(StandardCharsets.UTF_8));
    Golden.check("caseload.png", c.toPng());
  }

  @Test
  void description_givesTheLastWeekAndTheCompositionStatement() {
    String d = CaseloadChart.withDefaults().draw(RUN).description();
    var last = RUN.weeks().get(RUN.weeks().size() - 1);
    assertTrue(d.contains(Args.one(last.caseload()) + " clients in treatment"), d);
    assertTrue(d.contains(RUN.composition().orElseThrow().statement()), d);
    assertTrue(d.contains("not a forecast"), d);
  }
}
