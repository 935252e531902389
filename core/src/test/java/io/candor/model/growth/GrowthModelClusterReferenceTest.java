package io.candor.model.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agreement of the three-level fit (clients nested in therapists) with lme4 1.1-31 on the
 * reference set written by {@code src/test/resources/reference/therapists/make_reference.R}:
 * every fixed effect and SE, every SD and correlation, σ, the criteria, θ, and every client's and
 * therapist's BLUP with its conditional variance, on an unbalanced panel with therapists who have
 * one client, and on data without a therapist effect (a boundary fit).
 *
 * <p>Estimates agree to 1e-6 relative; a correlation, θ and BLUPs to 1e-6 on their natural scale
 * (absolute for a correlation, relative to the corresponding SD for a BLUP). On the boundary data
 * the criterion is so flat in the slope direction that both optimisers stop within about 2e-7 of
 * each other in the correlation (lme4's REML criterion is higher than Candor's by 2e-11 there).
 */
class GrowthModelClusterReferenceTest {

  /** Relative tolerance (lme4 is converged to rhoend 1e-12; Candor's BOBYQA to 1e-8). */
  private static final double TOL = 1e-6;

  static Stream<Arguments> cases() {
    GrowthModel d = GrowthModel.withDefaults().with(ClusterPart.INTERCEPT);
    GrowthModel log = d.with(TimeBasis.LOG);
    return Stream.of(
        Arguments.of("tl_log_slope_reml", log, "three_level.csv"),
        Arguments.of("tl_log_slope_ml", log.with(Estimation.ML), "three_level.csv"),
        Arguments.of("tl_log_intercept_reml", log.with(RandomPart.INTERCEPT),
            "three_level.csv"),
        Arguments.of("tl_log_intercept_ml", log.with(RandomPart.INTERCEPT)
            .with(Estimation.ML), "three_level.csv"),
        Arguments.of("tl_linear_severe_reml", d.withCovariates("severe"), "three_level.csv"),
        Arguments.of("tl_flat_reml", log, "three_level_flat.csv"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void threeLevelFit_agreesWithLme4(String name, GrowthModel model, String file) {
    Properties r = Reference.properties("therapists", name);
    GrowthFit fit = model.fit(Reference.threeLevel(file));
    assertTrue(fit.convergence().converged());
    Reference.assertFixedPartAndCriteria(r, fit, TOL);
    close(Reference.num(r, "client.sd.0"), fit.interceptSd(), "client intercept SD");
    boolean slope = model.random() == RandomPart.INTERCEPT_SLOPE;
    if (slope) {
      close(Reference.num(r, "client.sd.1"), fit.slopeSd().orElseThrow(), "client slope SD");
      // a correlation lies in [-1, 1]: compared absolutely (near 0 a relative error is undefined)
      closeAbs(Reference.num(r, "client.cor"), fit.correlation().orElseThrow(), 1, "correlation");
    }
    double tau = Reference.num(r, "therapist.sd");
    double tauHat = fit.clusterInterceptSd().orElseThrow();
    if (tau == 0) {
      assertEquals(0, tauHat, 1e-6 * fit.residualSd(), "therapist SD at the boundary");
      assertTrue(fit.boundary().contains(Boundary.ZERO_CLUSTER_VARIANCE), fit.boundary()::toString);
    } else {
      close(tau, tauHat, "therapist SD");
      assertTrue(fit.boundary().isEmpty(), fit.boundary()::toString);
    }
    double[] theta = fit.theta();
    assertEquals(slope ? 4 : 2, theta.length);
    for (int j = 0; j < theta.length; j++) {
      closeAbs(Reference.num(r, "theta." + j), theta[j], 1, "theta." + j);
    }

    List<String[]> clients = Reference.csv("therapists", name + "_clients.csv");
    Map<String, ClientEffects> byClient = new HashMap<>();
    fit.clientEffects().forEach(e -> byClient.put(e.client(), e));
    assertEquals(clients.size() - 1, byClient.size());
    String[] ids = Reference.strings(clients, "client");
    double[] b0 = Reference.doubles(clients, "b0");
    double[] v00 = Reference.doubles(clients, "v00");
    for (int i = 0; i < ids.length; i++) {
      ClientEffects e = byClient.get(ids[i]);
      closeAbs(b0[i], e.intercept(), fit.interceptSd(), ids[i] + " intercept");
      close(v00[i], e.interceptVariance(), ids[i] + " intercept variance");
      if (slope) {
        closeAbs(Reference.doubles(clients, "b1")[i], e.slope(), fit.slopeSd().orElseThrow(),
            ids[i] + " slope");
        close(Reference.doubles(clients, "v11")[i], e.slopeVariance(), ids[i] + " slope variance");
        closeAbs(Reference.doubles(clients, "v01")[i], e.covariance(),
            fit.interceptSd() * fit.slopeSd().orElseThrow(), ids[i] + " covariance");
      }
    }

    List<String[]> therapists = Reference.csv("therapists", name + "_therapists.csv");
    Map<String, ClusterEffects> byTherapist = new HashMap<>();
    fit.clusterEffects().forEach(e -> byTherapist.put(e.cluster(), e));
    assertEquals(therapists.size() - 1, byTherapist.size());
    String[] tids = Reference.strings(therapists, "therapist");
    double[] b = Reference.doubles(therapists, "b");
    double[] v = Reference.doubles(therapists, "v");
    double scale = Math.max(tau, fit.residualSd());
    for (int j = 0; j < tids.length; j++) {
      ClusterEffects e = byTherapist.get(tids[j]);
      closeAbs(b[j], e.intercept(), scale, tids[j] + " therapist intercept");
      closeAbs(v[j], e.interceptVariance(), scale * scale, tids[j] + " therapist variance");
    }
  }

  private static void close(double expected, double actual, String what) {
    Reference.assertRelative(expected, actual, TOL, what);
  }

  private static void closeAbs(double expected, double actual, double scale, String what) {
    assertEquals(expected, actual, TOL * scale, what);
  }
}
