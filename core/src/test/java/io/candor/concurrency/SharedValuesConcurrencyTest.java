package io.candor.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.change.ChangeContext;
import io.candor.change.ClinicalChange;
import io.candor.change.CutoffType;
import io.candor.domain.Cohort;
import io.candor.domain.Trajectory;
import io.candor.json.CandorJson;
import io.candor.json.ExpectedResponseModels;
import io.candor.json.LongCsv;
import io.candor.measure.Instruments;
import io.candor.model.dose.DoseEffect;
import io.candor.model.dose.DoseEffectExamples;
import io.candor.model.dose.DoseEffectFit;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import io.candor.model.survival.EventTime;
import io.candor.model.survival.KaplanMeier;
import io.candor.model.survival.KaplanMeierFit;
import io.candor.progress.AlertRules;
import io.candor.progress.EarlyResponseCriteria;
import io.candor.progress.ExpectedResponse;
import io.candor.progress.ExpectedResponseModel;
import io.candor.progress.PlateauCriteria;
import io.candor.progress.PreparedCurve;
import io.candor.progress.SuddenGainCriteria;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.Simulator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Candor's immutable values are documented thread-safe: shared by 8 threads at once, every use
 * gives exactly what it gives on one thread. Each task below uses one shared object (a fitted
 * model, a prepared curve, criteria, a scenario, a classification context, the JSON mapper, the
 * reference-model cache) and renders its result as text; the 8 threads run all tasks many times
 * in different orders, starting together, and every rendering must equal the single-threaded one.
 */
class SharedValuesConcurrencyTest {

  private static final int THREADS = 8;
  private static final int ROUNDS = 12;

  /** Tasks over shared values, each returning its result as text. */
  private static Map<String, Supplier<String>> tasks() {
    Scenario scenario = Scenario.calibratedDefault(Instruments.PHQ9).withSessions(8);
    Simulator simulator = Simulator.of(scenario);
    Cohort cohort = simulator.cohort(31L, 60, Arm.TREATED, 1);
    GrowthData data = GrowthData.fromCohort(cohort, "PHQ-9");
    GrowthModel model = GrowthModel.withDefaults().with(TimeBasis.LOG);
    GrowthFit fit = model.fit(data);
    ExpectedResponseModel fitted = ExpectedResponseModel.from(fit);
    ExpectedResponse response = ExpectedResponse.of(fitted).withPercentiles(0.1, 0.5, 0.9);
    AlertRules rules = AlertRules.withDefaults().withFunctionalCutoff(10);
    PreparedCurve prepared = response.prepare(19, 8, rules);
    SuddenGainCriteria gains = SuddenGainCriteria.withDefaults();
    PlateauCriteria plateaus = PlateauCriteria.withDefaults();
    EarlyResponseCriteria early = EarlyResponseCriteria.withDefaults();
    ChangeContext context = ChangeContext.of(Instruments.PHQ9).with(CutoffType.CASENESS);
    List<EventTime> times = new ArrayList<>();
    for (Trajectory t : cohort.trajectories()) {
      times.add(new EventTime(t.observations().get(t.observations().size() - 1).session(),
          t.observations().size() > 4));
    }
    KaplanMeier km = KaplanMeier.withDefaults();
    KaplanMeierFit kmFit = km.fit(times);
    DoseEffectFit dose = DoseEffect.withDefaults().fit(DoseEffectExamples.howard1986());
    StringWriter csv = new StringWriter();
    LongCsv.write(cohort, csv);
    String cohortCsv = csv.toString();
    String cohortJson = CandorJson.toJson(cohort);

    Map<String, Supplier<String>> tasks = new LinkedHashMap<>();
    tasks.put("growth model fits shared data", () -> CandorJson.toJson(model.fit(data)));
    tasks.put("fitted model", () -> CandorJson.toJson(ExpectedResponseModel.from(fit)));
    tasks.put("expected curve", () -> CandorJson.toJson(response.fromIntake(21, 8)));
    tasks.put("forecast", () -> CandorJson.toJson(
        response.forecast(new int[] {0, 1, 2}, new double[] {21, 18, 16}, 8)));
    tasks.put("prepared curve", () -> {
      StringBuilder sb = new StringBuilder();
      for (int s = 1; s <= 8; s++) {
        sb.append(CandorJson.toJson(prepared.evaluate(s, 20 - s)));
      }
      return sb.toString();
    });
    tasks.put("prepare", () -> CandorJson.toJson(response.prepare(17, 8, rules).curve()));
    tasks.put("criteria", () -> {
      StringBuilder sb = new StringBuilder();
      for (Trajectory t : cohort.trajectories()) {
        sb.append(CandorJson.toJson(gains.detect(t)));
        plateaus.find(t).forEach(p -> sb.append(CandorJson.toJson(p)));
        early.evaluate(t).ifPresent(e -> sb.append(CandorJson.toJson(e)));
      }
      return sb.toString();
    });
    tasks.put("classification context", () -> {
      StringBuilder sb = new StringBuilder();
      for (Trajectory t : cohort.trajectories()) {
        double pre = t.observations().get(0).score();
        double post = t.observations().get(t.observations().size() - 1).score();
        ClinicalChange.classifyAll(pre, post, context).forEach(c -> sb.append(CandorJson.toJson(c)));
      }
      return sb.toString();
    });
    tasks.put("scenario and simulator", () -> {
      StringBuilder sb = new StringBuilder();
      for (long i = 0; i < 20; i++) {
        sb.append(CandorJson.toJson(simulator.client(7L, i, Arm.TREATED)));
      }
      return sb.append(CandorJson.toJson(Simulator.of(scenario).cohort(5L, 20, Arm.WAITLIST, 2)))
          .toString();
    });
    tasks.put("Kaplan-Meier", () -> CandorJson.toJson(km.fit(times)) + kmFit.quantile(0.5)
        + kmFit.restrictedMean(6) + kmFit.survivalAt(3.5));
    tasks.put("dose-effect", () -> CandorJson.toJson(dose.sessionsFor(0.5).orElseThrow()) + dose.proportionAt(9));
    tasks.put("JSON reading", () -> CandorJson.toJson(CandorJson.fromJson(cohortJson, Cohort.class)));
    tasks.put("CSV reading", () -> CandorJson.toJson(LongCsv.withDefaults().read(new StringReader(cohortCsv),
        "cohort.csv", LongCsv.columns("id", "session", "score")).toCohort(Instruments.PHQ9)));
    tasks.put("reference models", () -> CandorJson.toJson(ExpectedResponseModels.reference(Instruments.PHQ9))
        + CandorJson.toJson(ExpectedResponseModels.reference(Instruments.GAD7)));
    return tasks;
  }

  @Test
  void sharedImmutableValues_giveFromEightThreadsWhatTheyGiveFromOne() throws Exception {
    Map<String, Supplier<String>> tasks = tasks();
    Map<String, String> expected = new LinkedHashMap<>();
    tasks.forEach((name, task) -> expected.put(name, task.get()));
    List<String> names = new ArrayList<>(tasks.keySet());
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        List<String> order = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
          List<String> round = new ArrayList<>(names);
          Collections.shuffle(round, new Random(31L * t + r));
          order.addAll(round);
        }
        results.add(pool.submit(() -> {
          start.await();
          List<String> differ = new ArrayList<>();
          for (String name : order) {
            if (!expected.get(name).equals(tasks.get(name).get())) {
              differ.add(name);
            }
          }
          return differ;
        }));
      }
      start.countDown();
      List<String> differ = new ArrayList<>();
      for (Future<List<String>> f : results) {
        differ.addAll(f.get(10, TimeUnit.MINUTES));
      }
      assertEquals(List.of(), differ, "results that differ from the single-threaded ones");
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
    }
  }
}
