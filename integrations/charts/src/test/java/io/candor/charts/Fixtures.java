package io.candor.charts;

import io.candor.caseload.CaseloadModel;
import io.candor.caseload.CaseloadRun;
import io.candor.json.CandorJson;
import io.candor.measure.Instruments;
import io.candor.model.mixture.ClassEnumeration;
import io.candor.model.mixture.MixtureFit;
import io.candor.model.survival.EventTime;
import io.candor.model.survival.KaplanMeier;
import io.candor.model.survival.KaplanMeierFit;
import io.candor.model.survival.StratifiedFit;
import io.candor.model.therapist.CaseMixFunnel;
import io.candor.model.therapist.FunnelFit;
import io.candor.model.therapist.TherapistData;
import io.candor.progress.AlertRules;
import io.candor.progress.ExpectedResponse;
import io.candor.progress.ExpectedResponseModel;
import io.candor.progress.PreparedCurve;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.SimulationSummary;
import io.candor.simulation.Simulator;
import io.candor.testing.CandorGenerators;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;

/** Fixed inputs for the chart tests: small, built-in, the same on every run. */
final class Fixtures {

  private Fixtures() {}

  /**
   * A PHQ-9 model fixed for these tests (a copy of Candor's reference model as it was shipped on
   * 2026-12-01, in {@code phq9-model.json}), so that the golden charts do not move when the
   * shipped model is refitted; intake 20.
   */
  static PreparedCurve curve() {
    ExpectedResponseModel model;
    try (InputStream in = Fixtures.class.getResourceAsStream("/phq9-model.json")) {
      model = CandorJson.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8),
          ExpectedResponseModel.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ExpectedResponse.of(model)
        .withScale(Instruments.PHQ9).withPercentiles(0.10, 0.25, 0.75, 0.90)
        .prepare(20, 8, AlertRules.withDefaults());
  }

  /**
   * Latent trajectory classes fixed for these tests: the chosen fit (K = 4 by BIC) of the
   * enumeration in {@code classes-fit.json}, written by {@code candor classes --input
   * cohort12.csv --id id --time session --score score --instrument PHQ-9 --basis log --classes 1-4
   * --starts 20 --json} on the rows up to session 12 of {@code candor simulate --clients 400 --seed
   * 7 --out cohort.csv}, so that the golden chart does not move when the mixture code changes.
   */
  static MixtureFit classes() {
    return read("/classes-fit.json", ClassEnumeration.class).selected();
  }

  private static <T> T read(String resource, Class<T> type) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      return CandorJson.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sessions to reliable improvement (or last seen) of 20 illustrative clients (candor demo). */
  static KaplanMeierFit survival() {
    int[] sessions = {2, 3, 3, 4, 4, 5, 5, 6, 6, 6, 7, 8, 8, 10, 12, 12, 14, 16, 16, 20};
    boolean[] improved = {true, true, false, true, true, false, true, true, true, false,
        true, false, true, true, false, true, false, true, false, false};
    return KaplanMeier.withDefaults().fit(sessions, improved);
  }

  /** Two made-up groups of clients, for strata and the log-rank test. */
  static StratifiedFit strata() {
    Map<String, List<EventTime>> groups = new LinkedHashMap<>();
    groups.put("weekly", times(new int[] {2, 3, 4, 4, 5, 6, 6, 7, 8, 9, 10, 12, 14, 16},
        new boolean[] {true, true, true, false, true, true, true, false, true, true, false, true,
            false, false}));
    groups.put("fortnightly", times(new int[] {3, 5, 6, 8, 9, 10, 12, 12, 14, 16, 18, 20},
        new boolean[] {true, false, true, true, false, true, false, true, false, true, false,
            false}));
    return KaplanMeier.withDefaults().fitStrata(groups);
  }

  private static List<EventTime> times(int[] t, boolean[] e) {
    List<EventTime> list = new ArrayList<>();
    for (int i = 0; i < t.length; i++) {
      list.add(new EventTime(t[i], e[i]));
    }
    return list;
  }

  /** 4,000 calibrated PHQ-9 clients, seed 42, 12 sessions. */
  static SimulationSummary simulation() {
    return Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9).withSessions(12))
        .summarise(42L, 4000, Arm.TREATED, 2);
  }

  /** Four outcome categories, as an expectation report would give them. */
  static IconArray icons() {
    return IconArray.fromShares(
        List.of("recovered", "reliably improved, not recovered", "no reliable change",
            "reliably worse"),
        List.of(0.42, 0.205, 0.305, 0.07));
  }

  /**
   * The statement of an expectation report at session 12 (the exclusive outcomes with counts
   * 45, 31, 6 and 18), built from its counts so that the golden chart does not move when the
   * simulator is recalibrated.
   */
  static io.candor.expectation.IconArray reportStatement() {
    return io.candor.expectation.IconArray.of(12, io.candor.expectation.Outcome.EXCLUSIVE,
        List.of(45, 31, 6, 18));
  }

  /** A generated service of up to 30 therapists (seed 7), funnel of reliable improvement. */
  static FunnelFit funnel() {
    TherapistData data = CandorGenerators.therapistData(Instruments.PHQ9, 30, 60)
        .generate(RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
    return CaseMixFunnel.withDefaults().fit(data);
  }

  /** Ten therapists over two years with the default flow (seed 7). */
  static CaseloadRun caseload() {
    return CaseloadModel.withDefaults().simulate(7L, 10, 104, 2);
  }

  static final int[] SESSIONS = {1, 2, 3, 4, 5, 6};
  static final double[] SCORES = {19, 16, 17, 20, 14, 9};
}
