package io.candor.examples.embedding;

import io.candor.caseload.CaseloadModel;
import io.candor.caseload.CaseloadRun;
import io.candor.caseload.Wellbeing;
import io.candor.caseload.WellbeingAssessment;
import io.candor.caseload.WellbeingReport;
import io.candor.change.ChangeContext;
import io.candor.charts.Chart;
import io.candor.charts.TrajectoryChart;
import io.candor.change.Classification;
import io.candor.change.ClinicalChange;
import io.candor.change.CutoffType;
import io.candor.change.ReliableChangeMethod;
import io.candor.domain.ClientId;
import io.candor.domain.Cohort;
import io.candor.domain.Trajectory;
import io.candor.expectation.ClientProfile;
import io.candor.expectation.ClientRenderer;
import io.candor.expectation.ExpectationReport;
import io.candor.expectation.Expectations;
import io.candor.expectation.Outcome;
import io.candor.expectation.Probability;
import io.candor.expectation.TherapistRenderer;
import io.candor.json.CandorJson;
import io.candor.json.ExpectedResponseModels;
import io.candor.json.LongCsv;
import io.candor.json.LongTable;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.measure.MultiScaleInstrument;
import io.candor.measure.MultiScaleInstruments;
import io.candor.model.dose.DoseEffect;
import io.candor.model.dose.DoseEffectExamples;
import io.candor.model.dose.DoseEffectFit;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import io.candor.model.mixture.ClassEnumeration;
import io.candor.model.mixture.ClassPosterior;
import io.candor.model.mixture.ForecastPoint;
import io.candor.model.mixture.MixtureFit;
import io.candor.model.mixture.MixtureModel;
import io.candor.model.mixture.NewClient;
import io.candor.model.mixture.TrajectoryClasses;
import io.candor.model.survival.KaplanMeier;
import io.candor.model.survival.KaplanMeierFit;
import io.candor.model.therapist.CaseMixFunnel;
import io.candor.model.therapist.IccEstimate;
import io.candor.model.therapist.Overdispersion;
import io.candor.model.therapist.TherapistComparison;
import io.candor.model.therapist.TherapistData;
import io.candor.model.therapist.TherapistEffects;
import io.candor.progress.Alert;
import io.candor.progress.AlertRules;
import io.candor.progress.ExpectedCurve;
import io.candor.progress.ExpectedResponse;
import io.candor.progress.ExpectedResponseModel;
import io.candor.progress.PreparedCurve;
import io.candor.progress.SuddenChange;
import io.candor.progress.SuddenChanges;
import io.candor.progress.SuddenGainCriteria;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.SimulationSummary;
import io.candor.simulation.Simulator;
import io.candor.fhir.FhirCohort;
import io.candor.fhir.FhirJson;
import io.candor.fhir.FhirReader;
import io.candor.fhir.FhirWriter;
import io.candor.fhir.ImportedScore;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Bundle;
import io.candor.testing.CandorGenerators;
import io.candor.testing.Gen;
import io.candor.testing.TrajectoryShape;
import org.apache.commons.rng.UniformRandomProvider;
import java.io.StringReader;
import org.apache.commons.rng.simple.RandomSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The README's embedding example, compiled and run by {@code EmbeddingExampleTest} so that it
 * stays true.
 */
public final class EmbeddingExample {

  private EmbeddingExample() {}

  /** The first example: an instrument, a trajectory and its JSON. */
  public static void run() {
    // README-EXAMPLE-START
    Instrument phq9 = Instruments.byId("PHQ-9");
    Trajectory t = Trajectory.ofScores(ClientId.of("client-17"), phq9,
        new int[] {0, 1, 2, 4}, new double[] {19, 17, 12, 9});   // session 3 was missed

    double latest = t.scoreAt(t.size() - 1);
    System.out.println("In the clinical range now? " + phq9.isCase(latest));                    // false
    System.out.println("Severity band: " + phq9.band(latest).orElseThrow().label());            // mild
    System.out.println("Improvement so far: " + phq9.improvement(t.scoreAt(0), latest) + " points"); // 10.0
    System.out.println("Reliable change needs " + phq9.reliableChange().orElseThrow());         // 6 [NHS ...]

    String json = CandorJson.toJson(t);                        // versioned, documented wire format
    Trajectory back = CandorJson.fromJson(json, Trajectory.class);
    System.out.println("Round trip exact? " + back.equals(t));                                  // true
    // README-EXAMPLE-END
  }

  /** Reliable change under every method (README section "Reliable and clinically significant change"). */
  public static void change() {
    // README-EXAMPLE-START
    ChangeContext phq9 = ChangeContext.of(Instruments.PHQ9);
    Classification c = ClinicalChange.classify(ReliableChangeMethod.JACOBSON_TRUAX, 18, 9, phq9);
    System.out.println(c.category());                                   // IMPROVED (cutoff c = 7.78)
    System.out.printf("%.2f%n", c.reliableChange().threshold());        // 6.10 = 1.96 * 5.5 * sqrt(2 * (1 - .84))
    Classification cased = ClinicalChange.classify(ReliableChangeMethod.JACOBSON_TRUAX, 18, 9,
        phq9.with(CutoffType.CASENESS));
    System.out.println(cased.category());                               // RECOVERED (below the caseness cutoff 10)
    // README-EXAMPLE-END
  }

  /** Sudden gains in one trajectory (README section "Non-linear progress"). */
  public static void suddenGains() {
    // README-EXAMPLE-START
    Trajectory bdi = Trajectory.ofScores(ClientId.of("7"), Instruments.BDI2,
        new int[] {1, 2, 3, 4, 5, 6, 7}, new double[] {30, 31, 29, 17, 16, 15, 14});
    SuddenChanges found = SuddenGainCriteria.withDefaults().withCutoff(7).detect(bdi);
    SuddenChange gain = found.firstGain().orElseThrow();
    System.out.println(gain.preSession() + " -> " + gain.postSession() + ": " + gain.magnitude()
        + " points, reversed: " + gain.reversal());                // 3 -> 4: 12.0 points, reversed: false
    // README-EXAMPLE-END
  }

  /**
   * PHQ-9 and GAD-7 from a FHIR R4 Bundle, and the results back as FHIR (README section "HL7
   * FHIR").
   *
   * @param bundle a Bundle JSON file
   */
  public static void fhir(Path bundle) {
    // README-EXAMPLE-START
    FhirCohort read = FhirReader.withDefaults().read(FhirJson.readBundle(bundle));
    Cohort cohort = read.cohort();                       // one trajectory per patient and instrument
    System.out.println(cohort.size() + " trajectories; excluded " + read.excludedCounts());
    for (ImportedScore s : read.flagged()) {             // a risk item above zero: clinician review
      System.out.println(s.client() + " " + s.date() + ": " + s.riskFlags().get(0));
    }
    Bundle results = FhirWriter.results(read);           // totals as Observations, flags as Flags
    System.out.println(results.getEntry().size() + " resources to write back");
    // README-EXAMPLE-END
  }

  /**
   * Runs every example on standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run();
    change();
    suddenGains();
    expectedResponse();
    referenceModel();
    timeToEvent();
    simulation();
  }

  /** A growth model, an expected-response curve and an alert (README section "Growth models"). */
  public static void expectedResponse() {
    // README-EXAMPLE-START
    Cohort cohort = Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9))   // or your data:
        .cohort(7L, 2_000, Arm.TREATED, 1);      // LongCsv.withDefaults().read(file, columns).toCohort(PHQ9)
    GrowthFit fit = GrowthModel.withDefaults().with(TimeBasis.LOG)
        .fit(GrowthData.fromCohort(cohort, "PHQ-9"));               // REML, random intercept and slope
    PreparedCurve curve = ExpectedResponse.of(ExpectedResponseModel.from(fit))
        .withScale(Instruments.PHQ9)                                // direction, cutoff 10, range checks
        .prepare(18, 12, AlertRules.withDefaults());
    Alert alert = curve.evaluate(3, 17);                            // no refit: a few arithmetic steps
    System.out.println(alert.signal() + ", on track: " + alert.onTrack());
    System.out.println(alert.reason());                                    // the numbers behind the signal
    // README-EXAMPLE-END
  }

  /** Latent trajectory classes and a new client's class (README section "Latent trajectory classes"). */
  public static void trajectoryClasses() {
    // README-EXAMPLE-START
    Cohort cohort = Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9).withSessions(12))
        .cohort(11L, 1_000, Arm.TREATED, 1);                       // or your data, as above
    ClassEnumeration k1to4 = MixtureModel.withDefaults().with(TimeBasis.LOG)
        .compare(GrowthData.fromCohort(cohort, "PHQ-9"), 1, 4,     // LCGA, 50 random starts per K
            RandomSource.XO_RO_SHI_RO_128_PP.create(42L));
    MixtureFit chosen = k1to4.selected();                          // lowest BIC (N = clients)
    TrajectoryClasses classes = chosen.model();                    // store it: CandorJson.toJson
    classes.classes().forEach(c -> System.out.printf("class %d: %.0f %%, intake %.1f, %+.2f per"
        + " log(session + 1)%n", c.index(), 100 * c.share(), c.coefficient("intercept"),
        c.coefficient("time")));
    NewClient client = NewClient.of(new double[] {0, 1, 2, 3}, new double[] {18, 17, 15, 14});
    ClassPosterior now = classes.posterior(client);                // after 3 sessions
    ForecastPoint twelve = classes.forecast(client, new double[] {12}).at(12);
    System.out.printf("most likely class %d (%.0f %%); session 12: %.1f (80 %% band %.1f-%.1f)%n",
        now.mostLikely(), 100 * now.probability(now.mostLikely()), twelve.mean(),
        twelve.quantiles().get(0), twelve.quantiles().get(4));
    // README-EXAMPLE-END
  }

  /** The shipped reference model (README section "Growth models"). */
  public static void referenceModel() {
    // README-EXAMPLE-START
    ExpectedResponse phq9 = ExpectedResponse.of(ExpectedResponseModels.reference(Instruments.PHQ9));
    ExpectedCurve expected = phq9.fromIntake(18, 12);      // fitted on SIMULATED data, not real clients
    System.out.printf("session 12: %.1f%n", expected.at(12).mean());
    System.out.println(phq9.model().fittedOn().provenance());            // says how it was made
    phq9.fromIntake(5, 40).extrapolations()                              // intake 5, session 40:
        .forEach(x -> System.out.println(x.message()));                  // outside its data
    // README-EXAMPLE-END
  }

  /** An expectation report for one client (README section "Realistic expectations"). */
  public static void expectation() {
    // README-EXAMPLE-START
    ClientProfile profile = ClientProfile.of(Instruments.PHQ9, 18)    // intake 18, 20 sessions planned
        .withObserved(1, 17).withObserved(2, 16)                       // scores so far
        .withItems(ClientProfile.ItemResponses.of(2, 2, 2, 2, 2, 2, 2, 1, 1).atSession(2));
    ExpectationReport report = Expectations.withDefaults()             // 20,000 simulated clients
        .withModel(ExpectedResponseModels.reference(Instruments.PHQ9)) // updates by observed scores
        .report(profile, 42L);                                         // same seed, same report
    Probability better = report.probability(Outcome.RELIABLE_IMPROVEMENT, 12).orElseThrow();
    System.out.printf("much better at 12: %d of 100 (%d to %d)%n", better.naturalFrequency().count(),
        better.naturalFrequency().lower(), better.naturalFrequency().upper());
    System.out.println(report.risk().flags());                         // item 9 answered above zero
    System.out.println(ClientRenderer.withDefaults().text(report));    // plain words, grade <= 8
    String page = TherapistRenderer.withDefaults().html(report);       // numbers, sources, what to watch
    // README-EXAMPLE-END
    System.out.println(page.length() > 0 ? "(therapist page written)" : "");
  }

  /** Therapist comparison (README section "Therapists compared fairly"). */
  public static void therapists() {
    TherapistData data = CandorGenerators.therapistData(Instruments.PHQ9, 12, 40)
        .generate(RandomSource.XO_RO_SHI_RO_128_PP.create(11L));
    // README-EXAMPLE-START
    TherapistComparison cmp = TherapistComparison.compare(data,        // one row per client
        TherapistEffects.withDefaults(),                               // post ~ pre + (1 | therapist)
        CaseMixFunnel.withDefaults().with(Overdispersion.ADDITIVE),    // recovery, case mix: intake
        RandomSource.XO_RO_SHI_RO_128_PP.create(2025L));               // explicit randomness: rank draws
    IccEstimate icc = cmp.icc();
    System.out.printf("ICC %.3f (95%% CI %.3f to %.3f)%n", icc.estimate(), icc.lower(), icc.upper());
    for (TherapistComparison.Row r : cmp.therapists()) {
      if (r.position().outside95()) {
        System.out.println(r.therapist() + ": " + r.remark());         // worth a closer look ...
      }
    }
    // README-EXAMPLE-END
  }

  /** Kaplan-Meier and dose-effect (README section "Time to event and dose-effect"). */
  public static void timeToEvent() {
    // README-EXAMPLE-START
    int[] sessions = {3, 5, 5, 8, 10, 12, 12, 16, 20, 20};                   // to improvement or last seen
    boolean[] improved = {true, true, false, true, true, false, true, true, false, false};
    KaplanMeierFit km = KaplanMeier.withDefaults().fit(sessions, improved);  // censoring, R's log CI
    System.out.println("median sessions to improvement: " + km.medianText());
    DoseEffectFit dose = DoseEffect.withDefaults().fit(DoseEffectExamples.howard1986());  // probit
    dose.sessionsFor(0.5).ifPresent(e -> System.out.printf("50%% improved by about %.0f sessions%n", e.sessions()));
    // README-EXAMPLE-END
  }

  /** The simulator (README section "Simulated cohorts"). */
  public static void simulation() {
    // README-EXAMPLE-START
    Simulator sim = Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9));
    SimulationSummary s = sim.summarise(42L, 20_000, Arm.TREATED, 2);   // same numbers for any thread count
    System.out.printf("dropout %.2f, reliably worse %.2f%n", s.dropoutRate(), s.deteriorationRate().orElseThrow());
    // README-EXAMPLE-END
  }

  /**
   * Candor's generators with a seeded provider (README section "Property-based testing"). Needs
   * nothing but candor-core: Commons RNG's {@code RandomSource} comes with it, also on the module
   * path ({@code EmbeddingExampleTest} compiles and runs this code as a module).
   */
  public static void generators() {
    // README-EXAMPLE-START
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);   // a seed reproduces the draws
    Gen<Trajectory> gains = CandorGenerators.trajectory(Instruments.PHQ9, TrajectoryShape.SUDDEN_GAIN)
        .withSessions(8, 20).withMissedSessionRate(0.05).withDropoutRate(0);
    Trajectory drawn = gains.generate(rng);
    System.out.println("sudden gain found: " + SuddenGainCriteria.withDefaults().detect(drawn).hasGain());  // true
    // README-EXAMPLE-END
  }

  /** Reading long-format CSV (README section "Long-format data"). */
  public static void longFormat() {
    // README-EXAMPLE-START
    LongCsv reader = LongCsv.withDefaults().withDelimiter(';').with(LongCsv.DecimalMark.COMMA)
        .withInstrument(Instruments.PHQ9);              // a European spreadsheet's CSV, PHQ-9 scores
    LongCsv.Columns columns = LongCsv.columns("client", "week", "phq9");
    LongTable table = reader.read(new StringReader("client;week;phq9\nA;0;18\nA;1;15\nB;0;21\n"),
        "scores.csv", columns);
    Cohort cohort = table.toCohort(Instruments.PHQ9);                  // or table.toGrowthData()
    System.out.println(cohort.size() + " clients, " + table.size() + " rows");     // 2 clients, 3 rows
    try {
      reader.read(new StringReader("client;week;phq9\nA;0;18\nA;1;15,5\n"), "bad.csv", columns);
    } catch (IllegalArgumentException e) {
      System.out.println(e.getMessage()); // bad.csv line 3, column 3 (phq9): PHQ-9 score must be ...
    }
    // README-EXAMPLE-END
  }

  /** A therapist's wellbeing and a caseload's flow (README section "The therapist's side"). */
  public static void therapistSide() {
    // README-EXAMPLE-START
    MultiScaleInstrument proqol = MultiScaleInstruments.PROQOL5;
    WellbeingReport report = Wellbeing.withDefaults().report(proqol, List.of(
        new WellbeingAssessment(LocalDate.of(2025, 3, 3),
            proqol.ofScaleScores(Map.of("CS", 40.0, "BO", 24.0, "STS", 18.0))),
        new WellbeingAssessment(LocalDate.of(2025, 6, 2),
            proqol.score(3, 4, 2, 3, 2, 4, 2, 3, 2, 3, 2, 4, 2, 3, 3, 4, 3, 4, 2, 4, 2, 4, 2, 4, 2,
                3, 4, 2, 3, 4))));                                  // items 1-30; BO 1, 4, 15, 17, 29 reversed
    System.out.println(report.scale("BO").statement());            // score, band, change and its source
    CaseloadRun run = CaseloadModel.withDefaults()                  // 1.7 referrals, 20 sessions a week
        .simulate(7L, 50, 104, 2);                                  // 50 therapists, two years
    System.out.println(run.composition().orElseThrow().statement()); // the length-bias effect in numbers
    // README-EXAMPLE-END
  }

  /** A chart of a client's scores (README section "Charts"); returns the SVG. */
  public static String chart() {
    // README-EXAMPLE-START
    PreparedCurve curve = ExpectedResponse.of(ExpectedResponseModels.reference(Instruments.PHQ9))
        .withScale(Instruments.PHQ9).withPercentiles(0.10, 0.25, 0.75, 0.90)
        .prepare(18, 12, AlertRules.withDefaults());
    Chart chart = TrajectoryChart.withDefaults().withScoreLabel("PHQ-9 score")
        .draw(curve, 18, new int[] {1, 2, 3}, new double[] {17, 16, 16});
    String svg = chart.toSvg();                  // or writeSvg(path), toPng(), writePng(path)
    System.out.println(chart.description());     // the alt text, also the SVG's <desc>
    // README-EXAMPLE-END
    return svg;
  }
}
