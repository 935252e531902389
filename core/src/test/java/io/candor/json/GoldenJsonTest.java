package io.candor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.caseload.CaseloadClient;
import io.candor.caseload.CaseloadModel;
import io.candor.caseload.CaseloadOutlook;
import io.candor.caseload.CaseloadRun;
import io.candor.caseload.OutcomeMix;
import io.candor.caseload.PoissonBinomial;
import io.candor.caseload.ScoreDistribution;
import io.candor.caseload.Wellbeing;
import io.candor.caseload.WellbeingAssessment;
import io.candor.caseload.WellbeingReport;
import io.candor.caseload.WorkloadSnapshot;
import io.candor.change.ChangeCategory;
import io.candor.change.ChangeContext;
import io.candor.change.Classification;
import io.candor.change.ClinicalChange;
import io.candor.change.ClinicalCutoff;
import io.candor.change.CutoffType;
import io.candor.change.MethodCounts;
import io.candor.change.PairedMeasures;
import io.candor.change.PrePost;
import io.candor.change.Rate;
import io.candor.change.ReferenceStatistics;
import io.candor.change.ReliableChange;
import io.candor.change.ReliableChangeMethod;
import io.candor.change.TalkingTherapiesCounts;
import io.candor.change.TalkingTherapiesOutcome;
import io.candor.change.TalkingTherapiesRates;
import io.candor.domain.Client;
import io.candor.domain.ClientId;
import io.candor.domain.Cohort;
import io.candor.domain.Condition;
import io.candor.domain.Course;
import io.candor.domain.LongRow;
import io.candor.domain.Observation;
import io.candor.domain.PlainScale;
import io.candor.domain.ReadinessStage;
import io.candor.domain.Trajectory;
import io.candor.domain.UricaScores;
import io.candor.evidence.Certainty;
import io.candor.evidence.Citation;
import io.candor.evidence.Sourced;
import io.candor.expectation.ClientProfile;
import io.candor.expectation.ExpectationReport;
import io.candor.expectation.Expectations;
import io.candor.expectation.FittedClasses;
import io.candor.expectation.Milestone;
import io.candor.expectation.Probability;
import io.candor.expectation.Readability;
import io.candor.expectation.ServiceSummary;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.measure.ItemScoring;
import io.candor.measure.MultiScaleInstrument;
import io.candor.measure.MultiScaleInstruments;
import io.candor.measure.Norms;
import io.candor.measure.RiskFlag;
import io.candor.measure.ScaleScores;
import io.candor.measure.SeverityBand;
import io.candor.measure.Subscale;
import io.candor.model.Convergence;
import io.candor.model.DataRange;
import io.candor.model.dose.DoseEffect;
import io.candor.model.dose.DoseEffectExamples;
import io.candor.model.dose.DoseEffectFit;
import io.candor.model.growth.AsymptoticCurve;
import io.candor.model.growth.ClusterPart;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.RandomInterceptRegression;
import io.candor.model.growth.RandomPart;
import io.candor.model.growth.TimeBasis;
import io.candor.model.mixture.ClassEnumeration;
import io.candor.model.mixture.ClassForecast;
import io.candor.model.mixture.Degeneracy;
import io.candor.model.mixture.FitFailure;
import io.candor.model.mixture.MembershipCoefficient;
import io.candor.model.mixture.MixtureFit;
import io.candor.model.mixture.MixtureModel;
import io.candor.model.mixture.NewClient;
import io.candor.model.mixture.RandomCovariance;
import io.candor.model.mixture.ResidualVariance;
import io.candor.model.mixture.TermEstimate;
import io.candor.model.mixture.TrajectoryClass;
import io.candor.model.mixture.TrajectoryClasses;
import io.candor.model.mixture.WithinClass;
import io.candor.model.survival.EventTime;
import io.candor.model.survival.KaplanMeier;
import io.candor.model.survival.KaplanMeierFit;
import io.candor.model.survival.StratifiedFit;
import io.candor.model.therapist.CaseMixFunnel;
import io.candor.model.therapist.FunnelFit;
import io.candor.model.therapist.FunnelOutcome;
import io.candor.model.therapist.TherapistComparison;
import io.candor.model.therapist.TherapistData;
import io.candor.model.therapist.TherapistEffects;
import io.candor.model.therapist.TherapistEffectsFit;
import io.candor.progress.AlertRules;
import io.candor.progress.ChangeKind;
import io.candor.progress.DropoutDefinition;
import io.candor.progress.DropoutHazard;
import io.candor.progress.EarlyResponseCriteria;
import io.candor.progress.Engagement;
import io.candor.progress.ExpectedResponse;
import io.candor.progress.ExpectedResponseModel;
import io.candor.progress.Extrapolation;
import io.candor.progress.Milestones;
import io.candor.progress.PlateauCriteria;
import io.candor.progress.SuddenChangeSummary;
import io.candor.progress.SuddenChanges;
import io.candor.progress.SuddenGainCriteria;
import io.candor.progress.TimeToEvent;
import io.candor.simulation.Arm;
import io.candor.simulation.Calibration;
import io.candor.simulation.Scenario;
import io.candor.simulation.Simulator;
import io.candor.testing.CandorGenerators;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Pins wire format {@value CandorJson#FORMAT_VERSION}: one golden document per public type of the
 * format under {@code src/test/resources/golden/}, written from a fixed sample and read back equal.
 * Renaming, adding or removing a record component changes a document and fails here. After a
 * deliberate change to the format, review the diff and regenerate with
 * {@code mvn -B -q -pl core test -Dtest=GoldenJsonTest -Dcandor.regenerate=true}; a change that
 * breaks old documents needs a new format version.
 */
class GoldenJsonTest {

  private static final Path DIR = Path.of("src", "test", "resources", "golden");

  /** Small, fixed samples, keyed by the golden file's name (the type's name in the format). */
  static Map<String, Object> samples() {
    Map<String, Object> m = new LinkedHashMap<>();
    Citation citation = Citation.of("example2020", "Example, A., & Sample, B.", 2020,
        "An example citation", "Journal of Examples, 1, 1-10", "10.1000/example");
    Sourced sourced = new Sourced(10, citation, Certainty.PRIMARY, "an example figure");
    Instrument custom = Instrument.builder("EX-10", "Example scale (user-defined)")
        .range(0, 30).resolution(1).direction(Direction.HIGHER_IS_WORSE)
        .reliability(new Sourced(0.85, citation, Certainty.SECONDARY, "internal consistency"))
        .casenessCutoff(sourced)
        .bands(new Sourced(0, citation, Certainty.ASSUMPTION, "bands"),
            new SeverityBand("low", 0, 9), new SeverityBand("high", 10, 30))
        .clinicalNorms(new Norms(new Sourced(18, citation, Certainty.PRIMARY, "clinical mean"),
            new Sourced(5, citation, Certainty.PRIMARY, "clinical SD")))
        .reliableChange(new Sourced(6, citation, Certainty.ASSUMPTION, "reliable change"))
        .licence("public domain (example)")
        .build();
    ClientId a = ClientId.of("a");
    Trajectory t = Trajectory.ofScores(a, Instruments.PHQ9, new int[] {0, 1, 2, 3, 4, 5, 6},
        new double[] {20, 19, 18, 10, 9, 11, 8});
    Trajectory u = Trajectory.ofScores(ClientId.of("b"), Instruments.PHQ9, new int[] {0, 1, 2, 4},
        new double[] {16, 15, 13, 12});

    // evidence
    m.put("Citation", citation);
    m.put("Sourced", sourced);
    // domain
    m.put("ClientId", a);
    Condition condition = Condition.of("depression", Course.EPISODIC).withIcd11Code("6A70")
        .withOnset(LocalDate.of(2024, 3, 1)).withDuration(Period.ofMonths(8));
    m.put("Condition", condition);
    m.put("Client", Client.of(a, ReadinessStage.CONTEMPLATION, condition)
        .withIntakeDate(LocalDate.of(2025, 1, 6)));
    m.put("Observation", new Observation(1, Optional.of(LocalDate.of(2025, 1, 13)), 19));
    m.put("Trajectory", t);
    m.put("Cohort", Cohort.of(List.of(t, u)));
    m.put("ScoreScale", new PlainScale("reaction-ms", 0, 5000));
    m.put("LongRow", new LongRow(a, "PHQ-9", 2, Optional.empty(), 18));
    m.put("UricaScores", new UricaScores(2.5, 3.75, 3.5, 3.0));
    // measure
    m.put("Instrument", custom);
    m.put("Norms", custom.clinicalNorms().orElseThrow());
    m.put("SeverityBand", new SeverityBand("mild", 5, 9));
    ItemScoring scoring = new ItemScoring(4, 0, 3, Set.of(2), 1, "EX-4").withRiskItems(4);
    m.put("ItemScoring", scoring);
    m.put("ItemScoring.ItemScore", new ItemScoring.ItemScore(8, 3, true));
    m.put("RiskFlag", new RiskFlag("PHQ-9", 9, OptionalInt.of(2)));
    // change
    ReliableChange rc = new ReliableChange(ReliableChangeMethod.JACOBSON_TRUAX, 18, 9, -2.5,
        1.96, 18, 3.5, 11.14, 24.86, true, false);
    ClinicalCutoff cutoff = new ClinicalCutoff(CutoffType.CASENESS, false, 10);
    m.put("ReliableChange", rc);
    m.put("ClinicalCutoff", cutoff);
    m.put("Classification", new Classification(rc, cutoff, true, true, OptionalDouble.empty(),
        ChangeCategory.RECOVERED));
    ReferenceStatistics stats = new ReferenceStatistics(16.5, 5.25, 10.5, 6.25, 0.5, 40);
    m.put("ReferenceStatistics", stats);
    m.put("ChangeContext", ChangeContext.of(Instruments.PHQ9).withCohort(stats)
        .with(CutoffType.CASENESS));
    m.put("CriterionClassification", ClinicalChange.classifyByCriterion(18, 9,
        ChangeContext.of(Instruments.PHQ9)));
    m.put("MethodCounts", new MethodCounts(ReliableChangeMethod.JACOBSON_TRUAX, cutoff, 10, 8, 15,
        5, 2));
    m.put("MethodComparison", ClinicalChange.compare(ChangeContext.of(Instruments.PHQ9)
        .with(CutoffType.CASENESS), new double[] {18, 20, 12, 15}, new double[] {9, 19, 14, 6}));
    m.put("PrePost", new PrePost(a, 18, 9));
    m.put("Rate", new Rate(3, 8, 0.375, 0.125, 0.75));
    PairedMeasures paired = new PairedMeasures(Instruments.PHQ9, 18, 9, Instruments.GAD7, 14, 7, 8);
    m.put("PairedMeasures", paired);
    m.put("TalkingTherapiesOutcome", new TalkingTherapiesOutcome(true, true, false, true, true,
        true, false));
    m.put("TalkingTherapiesCounts", new TalkingTherapiesCounts(10, 8, 7, 4, 3, 5, 1));
    m.put("TalkingTherapiesRates", new TalkingTherapiesRates(10, 8, 7,
        Optional.of(new Rate(3, 7, 0.375, 0.125, 0.75)), Optional.empty(), Optional.empty(),
        Optional.empty()));
    // model
    m.put("Convergence", new Convergence(true, 12, 1234.5, "relative change below 1e-10"));
    m.put("DataRange", new DataRange(10, 27));
    GrowthData panel = growthPanel();
    GrowthFit fit = GrowthModel.withDefaults().with(TimeBasis.LOG).fit(panel);
    m.put("GrowthFit", fit);
    m.put("FixedEffect", fit.fixedEffects().get(1));
    m.put("ClientEffects", fit.clientEffects().get(0));
    m.put("AsymptoticFit", AsymptoticCurve.fit(panel));
    String[] therapists = new String[panel.size()];
    int at = 0;
    for (int c = 0; c < panel.clientCount(); c++) {
      for (int i = 0; i < panel.observations(c); i++) {
        therapists[at++] = "T" + c % 4;
      }
    }
    GrowthFit nested = GrowthModel.withDefaults().with(TimeBasis.LOG)
        .with(RandomPart.INTERCEPT).with(ClusterPart.INTERCEPT)
        .fit(GrowthData.of(groupedIds(panel), panel.groupedTimes(), panel.groupedScores())
            .withClusters(therapists));
    m.put("ClusterEffects", nested.clusterEffects().get(0));
    // therapist comparisons
    TherapistData clients = CandorGenerators.therapistData(Instruments.PHQ9, 5, 14)
        .generate(RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
    FunnelFit funnel = CaseMixFunnel.withDefaults().with(FunnelOutcome.RELIABLE_IMPROVEMENT)
        .fit(clients);
    TherapistEffectsFit effects = TherapistEffects.withDefaults().withRankDraws(200)
        .fit(clients, RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
    TherapistComparison comparison = TherapistComparison.of(funnel, effects);
    m.put("FunnelFit", funnel);
    m.put("FunnelPoint", funnel.points().get(0));
    m.put("FunnelLimits", funnel.limitsAt(funnel.points().get(0).cases()));
    m.put("BinomialRegressionFit", funnel.caseMix());
    m.put("TherapistEffectsFit", effects);
    m.put("TherapistEffect", effects.effects().get(0));
    m.put("IccEstimate", effects.icc());
    m.put("TherapistComparison", comparison);
    m.put("TherapistComparison.Row", comparison.therapists().get(0));
    m.put("RandomInterceptFit", RandomInterceptRegression.withDefaults().fit(
        clients.therapistOfClients(), clients.post(), List.of("pre"), List.of(clients.pre())));
    DoseEffectFit dose = DoseEffect.withDefaults().fit(DoseEffectExamples.howard1986());
    m.put("DoseEffectFit", dose);
    m.put("SessionsEstimate", dose.milestones().get(0));
    m.put("DoseRow", DoseEffectExamples.howard1986().get(0));
    m.put("Coefficient", dose.slope());
    List<EventTime> even = List.of(new EventTime(2, true), new EventTime(3, false),
        new EventTime(4, true), new EventTime(6, true), new EventTime(8, false));
    List<EventTime> odd = List.of(new EventTime(3, true), new EventTime(5, true),
        new EventTime(7, false), new EventTime(9, true));
    KaplanMeierFit km = KaplanMeier.withDefaults().fit(even);
    m.put("EventTime", even.get(0));
    m.put("KaplanMeierFit", km);
    m.put("RestrictedMean", km.restrictedMean(6));
    m.put("SurvivalQuantile", km.quantile(0.5));
    Map<String, List<EventTime>> groups = new LinkedHashMap<>();
    groups.put("even", even);
    groups.put("odd", odd);
    StratifiedFit strata = KaplanMeier.withDefaults().fitStrata(groups);
    m.put("StratifiedFit", strata);
    m.put("Stratum", strata.strata().get(0));
    m.put("LogRankResult", strata.logRank().orElseThrow());
    // latent trajectory classes
    Map<String, Double> severe = new LinkedHashMap<>();
    for (int c = 0; c < panel.clientCount(); c++) {
      severe.put(panel.clients().get(c), c % 3 == 0 ? 1.0 : 0.0);
    }
    GrowthData mixed = panel.withClientCovariate("severe", severe);
    ClassEnumeration classes = MixtureModel.withDefaults().with(TimeBasis.LOG).withStarts(4)
        .withFinalStarts(2).withBootstrapReplicates(2)
        .compare(mixed, 1, 2, RandomSource.XO_RO_SHI_RO_128_PP.create(8L));
    MixtureFit gmm = MixtureModel.withDefaults().with(TimeBasis.LOG)
        .with(WithinClass.RANDOM_INTERCEPT_SLOPE).withMembershipCovariates("severe").withStarts(4)
        .withFinalStarts(2).fit(mixed, 2, RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
    TrajectoryClasses stored = gmm.model();
    ClassForecast ahead = stored.forecast(NewClient.of(new double[] {0, 1}, new double[] {18, 16})
        .withCovariate("severe", 1), new double[] {2, 6}, 0.1, 0.9);
    m.put("ClassEnumeration", classes);
    m.put("MixtureFit", gmm);
    m.put("TrajectoryClasses", stored);
    m.put("TrajectoryClass", stored.trajectoryClass(1));
    m.put("TermEstimate", stored.trajectoryClass(1).coefficients().get(0));
    m.put("WithinClassSpread", stored.trajectoryClass(1).spread().orElseThrow());
    m.put("MembershipCoefficient", stored.membership().get(1));
    m.put("ClassSummary", gmm.classSummaries().get(0));
    m.put("StartSummary", gmm.starts());
    m.put("Degeneracy", new Degeneracy(Degeneracy.Kind.SMALL_CLASS, OptionalInt.of(2),
        "class 2 has share 0.03 (2 clients most likely in it), below 0.05"));
    m.put("FitFailure", new FitFailure(5, "none of the 50 starts gave a proper 5-class solution"
        + " (50 with a residual SD collapsing to zero)"));
    m.put("BootstrapTest", classes.bootstrap().get(0));
    m.put("ClassPosterior", ahead.posterior());
    m.put("ClassForecast", ahead);
    m.put("ForecastPoint", ahead.points().get(0));
    m.put("ClassPoint", ahead.points().get(0).classes().get(0));
    // progress
    m.put("AlertRules", AlertRules.withDefaults().withFunctionalCutoff(10));
    ExpectedResponseModel model = ExpectedResponseModel.from(fit).withProvenance("golden sample");
    m.put("ExpectedResponseModel", model);
    m.put("ExpectedResponseModel.FittedOn", model.fittedOn());
    m.put("Extrapolation", new Extrapolation(Extrapolation.Kind.SESSION, 30, new DataRange(0, 26)));
    ExpectedResponse er = ExpectedResponse.of(model).withPercentiles(0.25, 0.75);
    m.put("ExpectedCurve", er.fromIntake(26, 6));
    m.put("SessionExpectation", er.fromIntake(20, 2).at(2));
    m.put("Alert", er.prepare(20, 6, AlertRules.withDefaults().withFunctionalCutoff(10)).evaluate(3, 17));
    SuddenChanges changes = SuddenGainCriteria.withDefaults().withCutoff(6).detect(t);
    m.put("SuddenChanges", changes);
    m.put("SuddenChange", changes.gains().get(0));
    m.put("SuddenChangeSummary", SuddenChangeSummary.of(List.of(changes), ChangeKind.GAIN));
    m.put("Plateau", PlateauCriteria.withDefaults().withLength(3).withThreshold(3).find(
        Trajectory.ofScores(a, Instruments.PHQ9, new int[] {0, 1, 2, 3}, new double[] {20, 19, 20, 19}))
        .get(0));
    m.put("EarlyResponse", EarlyResponseCriteria.withDefaults().evaluate(t).orElseThrow());
    m.put("Relapse", Milestones.relapse(Trajectory.ofScores(a, Instruments.PHQ9,
        new int[] {0, 1, 2, 3, 4}, new double[] {20, 14, 8, 6, 15})).orElseThrow());
    m.put("TimeToEvent", new TimeToEvent(a, 3, true));
    m.put("DropoutDefinition", DropoutDefinition.beforeSession(6));
    m.put("DropoutDefinition-flagged", DropoutDefinition.flagged(Set.of(ClientId.of("b"))));
    m.put("DropoutHazard", DropoutHazard.ofCounts("all", new int[] {1, 2, 3},
        new int[] {10, 9, 7}, new int[] {1, 2, 0}));
    m.put("EngagementReport", Engagement.analyse(List.of(t, u), DropoutDefinition.beforeSession(6)));
    // simulation
    Scenario scenario = Scenario.calibratedDefault(Instruments.PHQ9);
    m.put("Scenario", scenario);
    m.put("Scenario.Intake", scenario.intake());
    m.put("Scenario.Paths", scenario.paths());
    m.put("Scenario.Variation", scenario.variation());
    m.put("Scenario.Jumps", scenario.jumps());
    m.put("Scenario.Deterioration", scenario.deterioration());
    m.put("Scenario.Readiness", scenario.readiness());
    m.put("Scenario.Dropout", scenario.dropout());
    m.put("Scenario.Waitlist", scenario.waitlist());
    m.put("SimulatedClient", Simulator.of(scenario.withSessions(6)).client(7L, 3, Arm.TREATED));
    Calibration.Row row = new Calibration.Row("reliably improved by session 8", citation, 0.5,
        java.util.OptionalDouble.of(0.48), 0.45, 0.55, "share of clients still attending");
    m.put("Calibration.Row", row);
    m.put("Calibration.Report", new Calibration.Report(20260101L, 2000, List.of(row)));
    // measure: multi-scale instruments
    MultiScaleInstrument proqol = MultiScaleInstruments.PROQOL5;
    m.put("MultiScaleInstrument", MultiScaleInstruments.CBI);
    Subscale bo = proqol.scale("BO");
    m.put("Subscale", bo);
    m.put("ResponseScale", MultiScaleInstruments.CBI.responses());
    m.put("ScaleBands", bo.bands().orElseThrow());
    int[] answers = new int[30];
    java.util.Arrays.fill(answers, 3);
    ScaleScores scores = proqol.score(answers);
    m.put("ScaleScores", scores);
    m.put("ScaleScore", scores.scales().get(1));
    m.put("Statement", proqol.caveats().get(0));
    // caseload: wellbeing
    WellbeingAssessment march = new WellbeingAssessment(LocalDate.of(2025, 3, 3),
        proqol.ofScaleScores(Map.of("CS", 40.0, "BO", 24.0, "STS", 18.0)));
    WellbeingAssessment june = new WellbeingAssessment(LocalDate.of(2025, 6, 2), scores);
    m.put("WellbeingAssessment", march);
    WorkloadSnapshot load = new WorkloadSnapshot(LocalDate.of(2025, 6, 2), OptionalDouble.of(24),
        OptionalDouble.of(20), OptionalDouble.of(0.3), OptionalDouble.empty(), OptionalDouble.of(0.25));
    m.put("WorkloadSnapshot", load);
    WellbeingReport report = Wellbeing.withDefaults().report(proqol, List.of(march, june),
        List.of(load));
    m.put("WellbeingReport", report);
    m.put("ScaleReport", report.scales().get(1));
    m.put("ScaleChange", report.scales().get(1).reliableChange().orElseThrow());
    m.put("ScalePoint", report.scales().get(1).trajectory().get(0));
    m.put("LoadRow", report.load().get(1));
    // caseload: flow and outcome mix
    CaseloadRun run = CaseloadModel.withDefaults().with(model).withSessions(4, 6)
        .withWarmUpWeeks(4).simulate(3L, 1, 16, 1);
    m.put("CaseloadRun", run);
    m.put("CaseloadWeek", run.weeks().get(8));
    m.put("Composition", run.composition().orElseThrow());
    m.put("CompositionRow", run.composition().orElseThrow().courses().get(2));
    CaseloadClient seen = CaseloadClient.of(Trajectory.ofScores(a, Instruments.PHQ9,
        new int[] {0, 1, 2}, new double[] {19, 17, 16}), Course.CHRONIC);
    CaseloadOutlook outlook = OutcomeMix.of(model, scenario).withSimulatedClients(1000)
        .with(ScoreDistribution.NORMAL).prepare().outlook(List.of(seen,
            CaseloadClient.of(Trajectory.ofScores(ClientId.of("b"), Instruments.PHQ9,
                new int[] {0, 1}, new double[] {14, 12}))), 4);
    m.put("CaseloadClient", seen);
    m.put("CaseloadOutlook", outlook);
    m.put("ClientOutlook", outlook.perClient().get(0));
    m.put("OutcomeCount", outlook.outcomes().get(0));
    m.put("CountInterval", PoissonBinomial.of(0.2, 0.5, 0.9).interval(0.8));
    // expectation
    expectation(m);
    // json
    m.put("LongCsv.Columns", LongCsv.columns("client", "session", "phq9").withCovariates("age")
        .withAttributes("site"));
    return m;
  }

  /** A small report (200 clients) with every part, and the values it is made of. */
  private static void expectation(Map<String, Object> m) {
    ClientProfile.ItemResponses items =
        ClientProfile.ItemResponses.of(2, 2, 1, 3, 1, 0, 2, 1, 1).atSession(2);
    ClientProfile profile = ClientProfile.of(Instruments.PHQ9, 18).withCourse(Course.CHRONIC)
        .withReadiness(ReadinessStage.CONTEMPLATION).withPlannedSessions(10).withObserved(1, 15)
        .withObserved(2, 13).withItems(items).withAttendance(3, 1).withHomework(2, 1);
    ExpectationReport report = Expectations.withDefaults().withClients(200)
        .withSensitivityClients(100).withHorizons(8)
        .withModel(ExpectedResponseModels.reference(Instruments.PHQ9)).report(profile, 5L);
    m.put("ClientProfile", profile);
    m.put("ClientProfile.ItemResponses", items);
    m.put("ClientProfile.Attendance", profile.attendance().orElseThrow());
    m.put("ClientProfile.Homework", profile.homework().orElseThrow());
    Probability p = report.probabilities().get(0);
    m.put("Probability", p);
    m.put("Interval", p.monteCarlo());
    m.put("NaturalFrequency", p.naturalFrequency());
    m.put("IconArray", report.iconArrays().get(0));
    m.put("CurvePoint", report.curve().get(3));
    m.put("CourseUpdate", report.update().orElseThrow());
    m.put("RiskReview", report.risk());
    m.put("EngagementContext", report.engagement());
    m.put("ChronicOutlook", report.chronic().orElseThrow());
    m.put("Milestone", new Milestone(0.5, 7.5, 6.25, 10, true));
    m.put("ExpectationReport", report);
    ServiceSummary service = ServiceSummary.of(List.of("a"), List.of(report), 8);
    m.put("ServiceSummary", service);
    m.put("ExpectedCount", service.outcomes().get(0));
    m.put("Readability", Readability.of("One short sentence. And another one here."));
    TrajectoryClasses two = TrajectoryClasses.of(TimeBasis.LOG, OptionalDouble.empty(),
        WithinClass.NONE, ResidualVariance.COMMON, RandomCovariance.PER_CLASS, List.of("severe"),
        List.of(new TrajectoryClass(1, 0.625, List.of(new TermEstimate("intercept", 18),
                new TermEstimate("time", -4)), 3, Optional.empty()),
            new TrajectoryClass(2, 0.375, List.of(new TermEstimate("intercept", 17.5),
                new TermEstimate("time", 0.25)), 3, Optional.empty())),
        List.of(new MembershipCoefficient(2, "intercept", -0.75),
            new MembershipCoefficient(2, "severe", 1.25)));
    FittedClasses fitted = new FittedClasses(two, "golden sample", OptionalInt.of(400),
        Map.of("severe", 1.0));
    ExpectationReport withClasses = Expectations.withDefaults().withClients(200)
        .withSensitivityClients(100).withHorizons(8)
        .withModel(ExpectedResponseModels.reference(Instruments.PHQ9))
        .report(ClientProfile.of(Instruments.PHQ9, 18).withPlannedSessions(10)
            .withObserved(1, 15).withClasses(fitted), 5L);
    m.put("FittedClasses", fitted);
    m.put("ClassOutlook", withClasses.classes().orElseThrow());
    m.put("ClassOutlook.Pattern", withClasses.classes().orElseThrow().patterns().get(0));
  }

  /** Each row's client id, rows grouped by client as {@link GrowthData#groupedTimes()}. */
  private static String[] groupedIds(GrowthData d) {
    String[] ids = new String[d.size()];
    int row = 0;
    for (int c = 0; c < d.clientCount(); c++) {
      for (int i = 0; i < d.observations(c); i++) {
        ids[row++] = d.clients().get(c);
      }
    }
    return ids;
  }

  /** 40 simulated PHQ-9 clients, sessions 0-6. */
  static GrowthData growthPanel() {
    Scenario six = Scenario.calibratedDefault(Instruments.PHQ9).withSessions(6);
    return GrowthData.fromCohort(Simulator.of(six).cohort(11L, 40, Arm.TREATED, 1), "PHQ-9");
  }

  @Test
  void everySample_writesItsGoldenDocument_andReadsBackEqual() throws IOException {
    boolean regenerate = Boolean.getBoolean("candor.regenerate");
    if (regenerate) {
      Files.createDirectories(DIR);
    }
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, Object> e : samples().entrySet()) {
      String json = CandorJson.toJson(e.getValue()) + "\n";
      Path file = DIR.resolve(e.getKey() + ".json");
      if (regenerate) {
        Files.writeString(file, json, StandardCharsets.UTF_8);
      }
      String golden = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
      if (!golden.equals(json)) {
        differ.add(e.getKey());
        continue;
      }
      Object value = e.getValue();
      if (value instanceof GrowthFit f) {
        assertEquals(ExpectedResponseModel.from(f), CandorJson.fromJson(golden, ExpectedResponseModel.class));
      } else {
        assertEquals(value, CandorJson.fromJson(golden, value.getClass()), e.getKey());
      }
    }
    assertTrue(differ.isEmpty(), "format " + CandorJson.FORMAT_VERSION + " changed for " + differ
        + ": the written JSON differs from src/test/resources/golden/; if the change is deliberate,"
        + " review it and regenerate with -Dcandor.regenerate=true");
  }

  @Test
  void everyPublicTypeOfTheWireFormat_hasAGoldenDocument() throws Exception {
    Set<String> wireTypes = new TreeSet<>();
    for (Class<?> type : publicTypes()) {
      if (type.isRecord() || CandorJson.codecTypes().contains(type)) {
        wireTypes.add(CandorJson.typeName(type));
      }
    }
    Set<String> covered = new TreeSet<>();
    for (Object sample : samples().values()) {
      covered.add(CandorJson.typeName(sample.getClass()));
    }
    Set<String> missing = new TreeSet<>(wireTypes);
    missing.removeAll(covered);
    assertTrue(missing.isEmpty(), "public types of the wire format without a golden document: "
        + missing + "; add a sample to GoldenJsonTest.samples() and regenerate with"
        + " -Dcandor.regenerate=true");
    Set<String> files = new TreeSet<>();
    try (Stream<Path> list = Files.list(DIR)) {
      list.forEach(p -> files.add(p.getFileName().toString().replaceFirst("\\.json$", "")));
    }
    assertEquals(new TreeSet<>(samples().keySet()), files, "golden documents without a sample, or"
        + " samples without a document");
  }

  /** Every public class of Candor's exported packages (not internal, not testing). */
  static List<Class<?>> publicTypes() throws Exception {
    Path classes = Path.of("target", "classes");
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes.resolve("io/candor"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(p).toString().replace('/', '.').replaceFirst("\\.class$", "");
        if (name.endsWith("package-info") || name.startsWith("io.candor.internal.")
            || name.startsWith("io.candor.testing.") || name.matches(".*\\$\\d.*")) {
          continue;
        }
        Class<?> c = Class.forName(name, false, GoldenJsonTest.class.getClassLoader());
        if (isPublic(c)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  private static boolean isPublic(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return true;
  }
}
