package io.candor.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Trajectory;
import io.candor.measure.Instruments;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the suddengains R package's published results on its example data (see
 * {@code src/test/resources/reference/sgdata/README.md}).
 */
class SgdataReferenceTest {

  private static final SuddenGainCriteria PACKAGE_TEST_SETTINGS =
      SuddenGainCriteria.withDefaults().withCutoff(7).withRelative(0.25).withMeanDifferenceCriterion(0.05);

  private static List<SuddenChanges> detectAll(SuddenGainCriteria criteria) {
    return Sgdata.trajectories(Instruments.BDI2, 1, 12).stream()
        .map(criteria::detect)
        .collect(Collectors.toList());
  }

  @Test
  void sgdata_has43Clients() {
    assertEquals(43, Sgdata.trajectories(Instruments.BDI2, 1, 12).size());
  }

  @Test
  void sgdata_reproducesPackageCountsByGain() {
    SuddenChangeSummary s = SuddenChangeSummary.of(detectAll(PACKAGE_TEST_SETTINGS), ChangeKind.GAIN);
    assertEquals(43, s.clients());
    assertEquals(24, s.changes());
    assertEquals(15, s.clientsWithChange());
    assertEquals(34.88, Math.round(s.shareWithChange() * 10000) / 100.0, 1e-12);
    assertEquals(8, s.clientsWithSeveral());
    assertEquals(11.0, s.meanMagnitudeByChange().getAsDouble(), 1e-12);
    assertEquals(3.43, Math.round(s.sdMagnitudeByChange().getAsDouble() * 100) / 100.0, 1e-12);
  }

  @Test
  void sgdata_reproducesPackageByPersonFirstGain() {
    SuddenChangeSummary s =
        SuddenChangeSummary.of(detectAll(PACKAGE_TEST_SETTINGS), ChangeKind.GAIN, PersonSelection.FIRST);
    assertEquals(11.4, s.meanMagnitudeByPerson().getAsDouble(), 1e-12);
    assertEquals(3.98, Math.round(s.sdMagnitudeByPerson().getAsDouble() * 100) / 100.0, 1e-12);
    assertEquals(3, s.reversalsByPerson());
  }

  @Test
  void sgdata_packageReversalRuleGivesSameReversalsHere() {
    SuddenChangeSummary tang = SuddenChangeSummary.of(detectAll(PACKAGE_TEST_SETTINGS), ChangeKind.GAIN);
    SuddenChangeSummary pkg =
        SuddenChangeSummary.of(
            detectAll(PACKAGE_TEST_SETTINGS.with(ReversalRule.SUDDENGAINS_PACKAGE)),
            ChangeKind.GAIN);
    assertEquals(3, pkg.reversalsByPerson());
    assertEquals(4, pkg.reversalsByChange());
    assertEquals(tang.reversalsByChange(), pkg.reversalsByChange());
  }

  @Test
  void sgdata_largestGainByPersonDiffersFromFirst() {
    SuddenChangeSummary s =
        SuddenChangeSummary.of(detectAll(PACKAGE_TEST_SETTINGS), ChangeKind.GAIN, PersonSelection.LARGEST);
    assertEquals(178.0 / 15, s.meanMagnitudeByPerson().getAsDouble(), 1e-12);
    assertEquals(2, s.reversalsByPerson());
  }

  @Test
  void sgdata_client1HasGainsAt3to4And7to8() {
    Trajectory t1 = Sgdata.trajectories(Instruments.BDI2, 1, 12).get(0);
    SuddenChanges r = PACKAGE_TEST_SETTINGS.detect(t1);
    assertEquals(2, r.gains().size());
    SuddenChange g = r.gains().get(0);
    assertEquals(3, g.preSession());
    assertEquals(4, g.postSession());
    assertEquals(11.0, g.magnitude());
    assertTrue(g.reversal());
    assertEquals(7, r.gains().get(1).preSession());
    assertFalse(r.gains().get(1).reversal());
  }
}
