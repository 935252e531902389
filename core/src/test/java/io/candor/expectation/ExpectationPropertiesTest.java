package io.candor.expectation;

import static io.candor.quick.QuickTheoriesAdapter.quick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.candor.domain.Observation;
import io.candor.json.CandorJson;
import io.candor.json.ExpectedResponseModels;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.testing.CandorGenerators;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariants of expectation reports over generated profiles (QuickTheories, fixed seed). */
class ExpectationPropertiesTest {

  private static final Expectations PHQ = ExpectationsTest.SMALL;
  private static final Expectations GAD = Expectations.withDefaults().withClients(2_000)
      .withSensitivityClients(500)
      .withModel(ExpectedResponseModels.reference(Instruments.GAD7));

  private static void check(Probability p) {
    assertTrue(p.estimate() >= 0 && p.estimate() <= 1, p.toString());
    assertTrue(p.lower() <= p.estimate() && p.estimate() <= p.upper(), p.toString());
    assertTrue(p.monteCarlo().contains(p.estimate()), p.toString());
    assertTrue(p.sensitivity().contains(p.estimate()), p.toString());
    assertTrue(p.lower() <= p.monteCarlo().lower() && p.monteCarlo().upper() <= p.upper());
    assertTrue(p.lower() <= p.sensitivity().lower() && p.sensitivity().upper() <= p.upper());
    NaturalFrequency nf = p.naturalFrequency();
    assertTrue(nf.lower() <= nf.count() && nf.count() <= nf.upper());
    assertEquals(100, nf.denominator());
  }

  @Test
  void everyProbability_isAProbability_withIntervalsThatContainIt_andExclusiveOutcomesSumToOne() {
    qt().withExamples(25).forAll(quick(CandorGenerators.clientProfile(Instruments.PHQ9)), longs().all())
        .checkAssert((profile, seed) -> {
          ExpectationReport r = PHQ.report(profile, seed);
          r.probabilities().forEach(ExpectationPropertiesTest::check);
          for (int h : r.horizons()) {
            double sum = 0;
            int count = 0;
            for (Outcome o : Outcome.EXCLUSIVE) {
              Probability p = r.probability(o, h).orElseThrow();
              sum += p.estimate();
              count += p.naturalFrequency().count();
            }
            assertEquals(1, sum, 1e-12);
            assertEquals(100, count);
            r.probability(Outcome.RECOVERY, h).ifPresent(rec -> assertEquals(1,
                rec.estimate() + r.probability(Outcome.NO_RECOVERY, h).orElseThrow().estimate(),
                1e-12));
          }
          for (IconArray a : r.iconArrays()) {
            assertEquals(IconArray.CELLS, a.cells().size());
            for (Outcome o : a.legend()) {
              assertEquals(r.probability(o, a.horizon()).orElseThrow().naturalFrequency().count(),
                  a.count(o));
            }
          }
          for (CurvePoint c : r.curve()) {
            assertTrue(profile.instrument().minScore() <= c.p10()
                && c.p90() <= profile.instrument().maxScore());
          }
        });
  }

  /** A better observed course (every score as good or better) never lowers improvement. */
  @Test
  void aBetterObservedCourse_neverLowersTheProbabilityOfImprovement() {
    for (Instrument instrument : List.of(Instruments.PHQ9, Instruments.GAD7)) {
      Expectations e = instrument == Instruments.PHQ9 ? PHQ : GAD;
      qt().withExamples(30)
          .forAll(quick(CandorGenerators.clientProfile(instrument)), longs().all(),
              integers().between(0, 1 << 20))
          .assuming((p, seed, shift) -> !p.observed().isEmpty())
          .checkAssert((profile, seed, shift) -> {
            ClientProfile better = better(profile, shift);
            ExpectationReport a = e.report(profile, seed);
            ExpectationReport b = e.report(better, seed);
            for (int h : a.horizons()) {
              assertTrue(b.probability(Outcome.RELIABLE_IMPROVEMENT, h).orElseThrow().estimate()
                  >= a.probability(Outcome.RELIABLE_IMPROVEMENT, h).orElseThrow().estimate(),
                  "session " + h + ": " + profile.observed() + " -> " + better.observed());
              assertTrue(b.probability(Outcome.RELIABLE_DETERIORATION, h).orElseThrow().estimate()
                  <= a.probability(Outcome.RELIABLE_DETERIORATION, h).orElseThrow().estimate());
            }
          });
    }
  }

  /** Every observed score moved 0-3 points the better way (per-score amounts from the bits). */
  private static ClientProfile better(ClientProfile p, int bits) {
    Instrument inst = p.instrument();
    int sign = inst.direction() == Direction.HIGHER_IS_WORSE ? -1 : 1;
    List<Observation> out = new ArrayList<>();
    int b = bits;
    for (Observation o : p.observed()) {
      double moved = o.score() + sign * (b & 3) * inst.resolution();
      b >>>= 2;
      out.add(Observation.of(o.session(),
          Math.max(inst.minScore(), Math.min(inst.maxScore(), moved))));
    }
    return p.withObserved(out);
  }

  /** The same profile and seed give the same bytes, for any thread count, in every output. */
  @Test
  void sameSeed_givesByteIdenticalReportsAndTexts_forAnyThreadCount() {
    qt().withExamples(10).forAll(quick(CandorGenerators.clientProfile(Instruments.PHQ9)),
        longs().all()).checkAssert((profile, seed) -> {
          ExpectationReport a = PHQ.report(profile, seed);
          ExpectationReport b = PHQ.withThreads(3).report(profile, seed);
          assertEquals(CandorJson.toJson(a), CandorJson.toJson(b));
          assertEquals(ClientRenderer.withDefaults().html(a), ClientRenderer.withDefaults().html(b));
          assertEquals(TherapistRenderer.withDefaults().text(a),
              TherapistRenderer.withDefaults().text(b));
          assertEquals(ServiceRenderer.withDefaults().text(List.of("x"), List.of(a)),
              ServiceRenderer.withDefaults().text(List.of("x"), List.of(b)));
        });
  }

  @Test
  void reports_roundTripThroughCandorJsonExactly() {
    qt().withExamples(10).forAll(quick(CandorGenerators.clientProfile(Instruments.PHQ9)), longs().all())
        .checkAssert((profile, seed) -> {
          ExpectationReport r = PHQ.report(profile, seed);
          String json = CandorJson.toJson(r);
          assertEquals(r, CandorJson.fromJson(json, ExpectationReport.class));
          assertEquals(profile, CandorJson.fromJson(CandorJson.toJson(profile),
              ClientProfile.class));
        });
  }
}
