package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.candor.domain.ClientId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientOutlookTest {

  private static ClientOutlook outlook(Map<Outcome, Double> p) {
    return new ClientOutlook(ClientId.of("c1"), Optional.empty(), 3, 12, 11.5, 4, p);
  }

  private static String refused(Map<Outcome, Double> p) {
    return assertThrows(IllegalArgumentException.class, () -> outlook(p)).getMessage();
  }

  @Test
  void probabilities_ofTheExclusiveOutcomesSumToOne_recoveryBeingPartOfImprovement() {
    ClientOutlook o = outlook(CaseloadWeekTest.discharges(0.5, 0.5, 0.25, 0.125, 0.125));
    assertEquals(0.5, o.probability(Outcome.RECOVERY));
    assertEquals(0.125, o.probability(Outcome.DROPOUT));
    assertEquals("the probabilities of improvement, no change, deterioration and dropout must sum"
        + " to 1, sum to 0.875", refused(CaseloadWeekTest.discharges(0.5, 0, 0.25, 0.125, 0)));
    assertEquals("the probabilities of improvement, no change, deterioration and dropout must sum"
        + " to 1, sum to 1.125", refused(CaseloadWeekTest.discharges(0.5, 0, 0.25, 0.125, 0.25)));
  }

  @Test
  void recovery_cannotBeLikelierThanImprovement() {
    assertEquals("recovery cannot be likelier than reliable improvement",
        refused(CaseloadWeekTest.discharges(0.5, 0.5 + 1e-9, 0.25, 0.125, 0.125)));
  }

  @Test
  void everyOutcomeNeedsAProbability() {
    Map<Outcome, Double> p = CaseloadWeekTest.discharges(0.5, 0.5, 0.25, 0.125, 0.125);
    p.remove(Outcome.RECOVERY);
    assertEquals("probabilities.RECOVERY is missing", refused(p));
  }
}
