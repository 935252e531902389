package io.candor.model.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The time bases' terms, and the small enums that configure a growth model. */
class TimeBasisTest {

  @Test
  void logBasis_isLog1p_atWholeAndFractionalTimes_insideAndBeyondItsTable() {
    double[] out = new double[1];
    for (double t : new double[] {0, 1, 2.5, 3, 1023, 1024, 5000, -0.5, 7.999}) {
      TimeBasis.LOG.terms(t, Double.NaN, out, 0);
      assertEquals(Math.log1p(t), out[0], "time " + t);
      assertEquals(Math.log1p(t), TimeBasis.LOG.firstTerm(t), "time " + t);
    }
  }

  @Test
  void otherBases_writeTheirTermsAtTheOffset() {
    double[] out = new double[4];
    TimeBasis.QUADRATIC.terms(3, Double.NaN, out, 1);
    assertTrue(java.util.Arrays.equals(new double[] {0, 3, 9, 0}, out));
    TimeBasis.PIECEWISE.terms(3, 5, out, 2);
    assertTrue(java.util.Arrays.equals(new double[] {0, 3, 3, 0}, out));
    TimeBasis.PIECEWISE.terms(7, 5, out, 2);
    assertTrue(java.util.Arrays.equals(new double[] {0, 3, 7, 2}, out));
    assertEquals(2.5, TimeBasis.QUADRATIC.firstTerm(2.5));
    assertEquals(List.of("time", "time_after_knot"), TimeBasis.PIECEWISE.termNames());
    assertEquals(1, TimeBasis.LINEAR.size());
  }

  @Test
  void randomPart_countsItsCovarianceParameters() {
    assertEquals(1, RandomPart.INTERCEPT.parameters());
    assertEquals(3, RandomPart.INTERCEPT_SLOPE.parameters());
    assertEquals(2, RandomPart.INTERCEPT_SLOPE.size());
  }

  @Test
  void clusterPartAndInteractions_parseAsTyped_andNameTheChoicesOtherwise() {
    assertEquals(ClusterPart.INTERCEPT, ClusterPart.parse("intercept"));
    assertEquals(ClusterPart.NONE, ClusterPart.parse(" None "));
    assertEquals(Interactions.COVARIATE_BY_TIME, Interactions.parse("covariate-by-time"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Interactions.parse("all"));
    assertTrue(e.getMessage().startsWith("interactions must be one of none, covariate-by-time;"),
        e.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterPart.parse("slope"))
        .getMessage().startsWith("cluster part must be one of none, intercept;"));
  }

  @Test
  void clusterEffects_sdIsTheRootOfTheVariance() {
    assertEquals(0.5, new ClusterEffects("T1", 2, 9, 1.2, 0.25).interceptSd());
    assertThrows(IllegalArgumentException.class, () -> new ClusterEffects("T1", 3, 2, 0, 0));
  }
}
