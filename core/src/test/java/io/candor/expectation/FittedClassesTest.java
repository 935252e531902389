package io.candor.expectation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Instruments;
import io.candor.model.growth.TimeBasis;
import io.candor.model.mixture.MembershipCoefficient;
import io.candor.model.mixture.NewClient;
import io.candor.model.mixture.RandomCovariance;
import io.candor.model.mixture.ResidualVariance;
import io.candor.model.mixture.TermEstimate;
import io.candor.model.mixture.TrajectoryClass;
import io.candor.model.mixture.TrajectoryClasses;
import io.candor.model.mixture.WithinClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FittedClassesTest {

  /**
   * Four LCGA classes on the log basis (time = log(session + 1)), PHQ-9-like: fast improvement
   * from 18, gradual improvement from 18, no change at 18, worsening from 18 with the given slope.
   * Shares 25, 35, 30 and 10 %; residual SD 3.
   */
  static TrajectoryClasses fourClasses(double worseSlope) {
    double[][] curves = {{18, -5}, {18, -2.5}, {18, 0}, {18, worseSlope}};
    double[] shares = {0.25, 0.35, 0.30, 0.10};
    List<TrajectoryClass> cls = new ArrayList<>();
    for (int j = 0; j < 4; j++) {
      cls.add(new TrajectoryClass(j + 1, shares[j], List.of(
          new TermEstimate("intercept", curves[j][0]), new TermEstimate("time", curves[j][1])),
          3, Optional.empty()));
    }
    return TrajectoryClasses.of(TimeBasis.LOG, OptionalDouble.empty(), WithinClass.NONE,
        ResidualVariance.PER_CLASS, RandomCovariance.PER_CLASS, List.of(), cls, List.of());
  }

  /** Two classes whose membership depends on a covariate "severe". */
  static TrajectoryClasses withCovariate() {
    List<TrajectoryClass> cls = List.of(
        new TrajectoryClass(1, 0.6, List.of(new TermEstimate("intercept", 18),
            new TermEstimate("time", -4)), 3, Optional.empty()),
        new TrajectoryClass(2, 0.4, List.of(new TermEstimate("intercept", 18),
            new TermEstimate("time", 0)), 3, Optional.empty()));
    return TrajectoryClasses.of(TimeBasis.LOG, OptionalDouble.empty(), WithinClass.NONE,
        ResidualVariance.PER_CLASS, RandomCovariance.PER_CLASS, List.of("severe"), cls,
        List.of(new MembershipCoefficient(2, "intercept", -0.4),
            new MembershipCoefficient(2, "severe", 1.2)));
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void theClientIsTheIntakeAtTimeZero_thenEachObservedScoreAtItsSession() {
    FittedClasses f = FittedClasses.of(withCovariate(), "service data", Map.of("severe", 1.0));
    ClientProfile p = ClientProfile.of(Instruments.PHQ9, 18).withObserved(1, 16)
        .withObserved(3, 12);
    NewClient c = f.client(p);
    assertArrayEquals(new double[] {0, 1, 3}, c.times());
    assertArrayEquals(new double[] {18, 16, 12}, c.scores());
    assertEquals(Map.of("severe", 1.0), c.covariates());
    assertEquals(OptionalInt.empty(), f.fittedClients());
  }

  @Test
  void covariates_mustBeExactlyTheModels_withFiniteValues() {
    TrajectoryClasses m = withCovariate();
    assertTrue(message(() -> FittedClasses.of(m, "s", Map.of()))
        .contains("covariates: the classes' membership model needs the client's value of"
            + " [severe]"));
    assertTrue(message(() -> FittedClasses.of(m, "s", Map.of("severe", 1.0, "age", 40.0)))
        .contains("\"age\" is not a membership covariate of the classes; they have [severe]"));
    assertTrue(message(() -> FittedClasses.of(fourClasses(3), "s", Map.of("age", 40.0)))
        .contains("they have none"));
    assertTrue(message(() -> FittedClasses.of(m, "s", Map.of("severe", Double.NaN)))
        .contains("covariate severe"));
  }

  @Test
  void sourceAndClientCount_areChecked() {
    assertTrue(message(() -> FittedClasses.of(fourClasses(3), " ", Map.of())).contains("source"));
    assertTrue(message(() -> new FittedClasses(fourClasses(3), "s", OptionalInt.of(3), Map.of()))
        .contains("fittedClients must be >= 4, was 3"));
    assertEquals(OptionalInt.of(40),
        new FittedClasses(fourClasses(3), "s", OptionalInt.of(40), Map.of()).fittedClients());
  }
}
