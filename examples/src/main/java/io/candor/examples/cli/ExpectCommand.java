package io.candor.examples.cli;

import io.candor.charts.TrajectoryChart;
import io.candor.json.CandorJson;
import io.candor.json.ExpectedResponseModels;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import io.candor.progress.Alert;
import io.candor.progress.AlertRules;
import io.candor.progress.BandUncertainty;
import io.candor.progress.ExpectedCurve;
import io.candor.progress.ExpectedResponse;
import io.candor.progress.ExpectedResponseModel;
import io.candor.progress.PreparedCurve;
import io.candor.progress.SessionExpectation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code candor expect}: the expected-response curve for a new client, with bands, and the alert
 * for the latest observation; from a model written by {@code candor fit --json} or, for PHQ-9 and
 * GAD-7, from the reference model Candor ships (fitted on simulated data).
 */
@Command(
    name = "expect",
    mixinStandardHelpOptions = true,
    description = {
      "Expected score at each session for a new client, with prediction bands, and an alert for"
          + " the latest observed session. The intake is treated as the observation at session 0.",
      "Without --model, --instrument PHQ-9 or GAD-7 uses Candor's reference model (fitted on"
          + " simulated data calibrated to published figures, not on real clients).",
      "Example: candor expect --instrument PHQ-9 --intake 18 --observed 1:17,2:16,3:16"
    })
public final class ExpectCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "FILE.json",
      description = "A model: the GrowthFit document of candor fit --json, or an ExpectedResponseModel"
          + " document. Default: the reference model of --instrument.")
  Path modelFile;

  /** Longest horizon shown: ten years of weekly sessions. */
  public static final int MAX_SESSIONS = 520;

  @Option(names = "--intake", required = true, paramLabel = "N", description = "intake score")
  double intake;

  @Option(names = "--covariate", paramLabel = "NAME=VALUE",
      description = "covariate value of the client (repeatable)")
  List<String> covariates = new ArrayList<>();

  @Option(names = "--observed", paramLabel = "S:SCORE,...",
      description = "scores observed so far, e.g. 1:15,2:14")
  String observed;

  @Option(names = "--sessions", defaultValue = "12", paramLabel = "N",
      description = "last session to show (default 12, extended to the last observed)")
  int sessions;

  @Option(names = "--cutoff", paramLabel = "X",
      description = "functional (caseness) cutoff for the white signal")
  Double cutoff;

  @Option(names = "--instrument", paramLabel = "ID",
      description = "the instrument of the scores (e.g. PHQ-9): sets the direction and the caseness"
          + " cutoff, picks the reference model when there is no --model, and must match the"
          + " instrument a --model was fitted on")
  String instrument;

  @Option(names = "--higher-is-better", description = "higher scores are better (e.g. WEMWBS);"
      + " without an instrument, higher is taken as worse unless this is given")
  boolean higherIsBetter;

  @Mixin ChartOptions chart;

  @Option(names = "--fixed-uncertainty",
      description = "include the fixed effects' estimation uncertainty in the bands")
  boolean fixedUncertainty;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    output.checkFiles();
    chart.checkFiles(output);
    Instrument named = instrument == null ? null : Instruments.byId(instrument);
    String source;
    ExpectedResponseModel model;
    if (modelFile != null) {
      model = readModel(modelFile);
      source = modelFile.toString();
    } else if (named != null) {
      model = referenceModel(named);
      source = "Candor's reference model for " + named.id();
    } else {
      throw new IllegalArgumentException("give --model FILE (from candor fit --json), or --instrument"
          + " PHQ-9 or GAD-7 to use Candor's reference model");
    }
    Map<String, Double> cov = parseCovariates("--covariate", covariates);
    int[][] sess = new int[1][];
    double[][] scores = new double[1][];
    parseObserved(observed, sess, scores);
    if (sessions < 0 || sessions > MAX_SESSIONS) {
      throw new IllegalArgumentException(
          "--sessions must be between 0 and " + MAX_SESSIONS + ", was " + sessions);
    }
    if (!Double.isFinite(intake)) {
      throw new IllegalArgumentException("--intake must be a finite number, was " + intake);
    }
    int last = sessions;
    for (int s : sess[0]) {
      last = Math.max(last, s);
    }
    AlertRules rules = AlertRules.withDefaults();
    if (higherIsBetter) {
      rules = rules.with(Direction.HIGHER_IS_BETTER);
    }
    if (cutoff != null) {
      rules = rules.withFunctionalCutoff(cutoff);
    }
    ExpectedResponse er = ExpectedResponse.of(model).withCovariates(cov)
        .withPercentiles(0.10, 0.25, 0.75, 0.90).with(fixedUncertainty ? BandUncertainty.WITH_FIXED_EFFECTS : BandUncertainty.RANDOM_AND_RESIDUAL);
    if (named != null) {
      try {
        er = er.withScale(named);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--instrument " + named.id() + " does not match "
            + source + ": " + e.getMessage(), e);
      }
    }
    if (er.scale() instanceof Instrument scale) {
      checkFlagsAgree(scale);
    }
    er.scale().checkScore("--intake", intake);
    for (int i = 0; i < sess[0].length; i++) {
      er.scale().checkScore("--observed score at session " + sess[0][i], scores[0][i]);
    }
    Result result;
    try {
      result = compute(source, er, intake, sess[0], scores[0], last, rules);
    } catch (IllegalArgumentException e) {
      // arithmetic on an absurd intake or score overflows inside the model: say which input did it
      throw new IllegalArgumentException("--intake " + CliText.number(intake) + " or an --observed"
          + " score is too far from the model's scale to compute with: " + e.getMessage(), e);
    }
    output.emit(spec, result);
    PreparedCurve prepared = er.prepare(intake, last, rules);
    String label = er.scale() instanceof Instrument scale ? scale.id() + " score" : "score";
    chart.write(style -> TrajectoryChart.withDefaults().withScoreLabel(label).with(style)
        .draw(prepared, intake, sess[0], scores[0]));
    return 0;
  }

  /** The computed curves and alert, in each output format. */
  record Result(ExpectResult value) implements CliResult {

    @Override
    public void printText(PrintWriter out) {
      ExpectedResponseModel.FittedOn on = value.fittedOn();
      out.println("Model: " + value.model());
      out.println("  " + on.provenance());
      out.println("  Fitted on " + on.scale().id() + " scores of " + CliText.count(on.clients(),
          "client", "clients") + "; intake scores " + on.intakes() + ", sessions "
          + on.sessions() + ".");
      out.println();
      ExpectedCurve curve = value.expected();
      out.println("Expected scores given " + curve.conditioning()
          + (curve.includesFixedEffectUncertainty() ? " (bands include fixed-effect uncertainty)"
              : "") + ":");
      printCurve(out, curve);
      if (value.alert().isPresent()) {
        Alert alert = value.alert().get();
        out.println();
        out.println("Alert (" + CliText.words(alert.signal())
            + (alert.onTrack() ? ", on track" : ", not on track") + "): " + alert.reason());
        AlertRules used = alert.rules();
        out.printf(Locale.ROOT, "Rules: %s; white signal %s; yellow above the %.0fth and red above"
                + " the %.0fth worse-percentile (on track = white or green)%n",
            used.direction().orElseThrow() == Direction.HIGHER_IS_BETTER ? "higher is better"
                : "higher is worse",
            used.functionalCutoff().isPresent()
                ? "when not a case by the cutoff " + CliText.number(used.functionalCutoff().getAsDouble())
                : "off (no cutoff)",
            100 * used.yellowPercentile(), 100 * used.redPercentile());
        ExpectedCurve updated = value.updated().orElseThrow();
        out.println();
        out.println("Updated forecast given " + updated.conditioning() + ":");
        printCurve(out, updated);
      }
      for (String w : value.warnings()) {
        out.println();
        out.println("Warning: " + w + ".");
      }
      out.println();
      out.println("Bands are the 10th-90th and 25th-75th percentiles of a new observation for a"
          + " client like this under the model; they describe the model, not a promise.");
    }

    @Override
    public Object json() {
      return value;
    }

    @Override
    public Optional<CsvTable> table() {
      CsvTable t = new CsvTable("curve", "session", "mean", "sd", "p10", "p25", "p75", "p90");
      rows(t, "expected", value.expected());
      value.updated().ifPresent(u -> rows(t, "updated", u));
      return Optional.of(t);
    }

    private static void rows(CsvTable t, String name, ExpectedCurve curve) {
      for (SessionExpectation s : curve.sessions()) {
        List<Double> q = s.quantiles();
        t.row(name, s.session(), s.mean(), s.sd(), q.get(0), q.get(1), q.get(2), q.get(3));
      }
    }
  }

  /** --higher-is-better and --cutoff must agree with the instrument, which sets both. */
  private void checkFlagsAgree(Instrument scale) {
    if (higherIsBetter && scale.direction() != Direction.HIGHER_IS_BETTER) {
      throw new IllegalArgumentException("--higher-is-better contradicts " + scale.id()
          + ", on which higher scores are worse; leave it out: the instrument sets the direction");
    }
    if (cutoff != null && scale.casenessCutoff().isPresent()
        && cutoff != scale.casenessCutoff().get().value()) {
      throw new IllegalArgumentException("--cutoff " + CliText.number(cutoff) + " contradicts "
          + scale.id() + "'s caseness cutoff " + scale.casenessCutoff().get()
          + "; leave it out: the instrument sets the cutoff");
    }
  }

  static Result compute(String source, ExpectedResponse er, double intake, int[] sess,
      double[] scores, int last, AlertRules rules) {
    ExpectedCurve curve = er.fromIntake(intake, last);
    Optional<Alert> alert = Optional.empty();
    Optional<ExpectedCurve> updated = Optional.empty();
    if (sess.length > 0) {
      int[] withIntake = new int[sess.length + 1];
      double[] withScores = new double[sess.length + 1];
      withScores[0] = intake;
      for (int i = 0; i < sess.length; i++) {
        withIntake[i + 1] = sess[i];
        withScores[i + 1] = scores[i];
      }
      PreparedCurve prepared = er.prepare(intake, last, rules);
      int latest = sess.length - 1;
      alert = Optional.of(prepared.evaluate(sess[latest], scores[latest]));
      updated = Optional.of(er.forecast(withIntake, withScores, last));
    }
    Set<String> warnings = new LinkedHashSet<>();
    curve.extrapolations().forEach(x -> warnings.add(x.message()));
    updated.ifPresent(u -> u.extrapolations().forEach(x -> warnings.add(x.message())));
    return new Result(new ExpectResult(source, er.model().fittedOn(), curve, alert, updated,
        List.copyOf(warnings)));
  }

  private static void printCurve(PrintWriter out, ExpectedCurve curve) {
    out.println("  session  expected    10%    25%    75%    90%");
    for (SessionExpectation s : curve.sessions()) {
      List<Double> q = s.quantiles();
      out.printf(Locale.ROOT, "  %7d  %8s %6s %6s %6s %6s%n", s.session(), CliText.fixed(s.mean(), 1),
          CliText.fixed(q.get(0), 1), CliText.fixed(q.get(1), 1), CliText.fixed(q.get(2), 1),
          CliText.fixed(q.get(3), 1));
    }
  }

  static ExpectedResponseModel readModel(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parseModel(text, file.toString());
  }

  /**
   * The reference model Candor ships for an instrument; used by {@code caseload} and
   * {@code candor serve} too, so all say the same when there is none.
   *
   * @param instrument the instrument
   * @return its reference model
   * @throws IllegalArgumentException naming the instruments that have one and how to give a model
   */
  public static ExpectedResponseModel referenceModel(Instrument instrument) {
    return ExpectedResponseModels.findReference(instrument).orElseThrow(() ->
        new IllegalArgumentException("Candor ships no reference model for " + instrument.id()
            + " (it has them for " + String.join(", ", ExpectedResponseModels
                .referenceInstruments().stream().map(Instrument::id).toList()) + "); give"
            + " --model FILE, e.g. the output of candor fit --instrument " + instrument.id()
            + " --json --out FILE"));
  }

  /**
   * Reads a model document ({@code candor fit --json}, or an ExpectedResponseModel document);
   * used by {@code candor serve} too, so an uploaded model gets the same messages.
   *
   * @param text the document
   * @param source what to call it in messages (a file name)
   * @return the model
   * @throws IllegalArgumentException naming the source and the JSON path that is wrong
   */
  public static ExpectedResponseModel parseModel(String text, String source) {
    try {
      return CandorJson.fromJson(text, ExpectedResponseModel.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  /** {@code NAME=VALUE} items of a repeatable option, by name; a repeated name is refused. */
  static Map<String, Double> parseCovariates(String option, List<String> items) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (String item : items) {
      String[] kv = item.split("=", 2);
      if (kv.length != 2 || kv[0].isBlank()) {
        throw new IllegalArgumentException(option + " must be NAME=VALUE, was " + CliText.quote(item));
      }
      String name = kv[0].strip();
      if (map.put(name, number(option + " " + name, kv[1])) != null) {
        throw new IllegalArgumentException(option + " " + name + " is given twice");
      }
    }
    return map;
  }

  /**
   * Parses {@code --observed}: {@code SESSION:SCORE,...} with increasing sessions after the intake
   * (session 0), at most {@link #MAX_SESSIONS}; used by {@code candor serve} too, so the web page
   * gives the same messages.
   *
   * @param text the option's value (null or blank: no observations)
   * @param sessions receives the sessions in {@code sessions[0]}
   * @param scores receives the scores in {@code scores[0]}
   * @throws IllegalArgumentException naming the item that is wrong
   */
  public static void parseObserved(String text, int[][] sessions, double[][] scores) {
    if (text == null || text.isBlank()) {
      sessions[0] = new int[0];
      scores[0] = new double[0];
      return;
    }
    String[] parts = text.split(",", -1);
    sessions[0] = new int[parts.length];
    scores[0] = new double[parts.length];
    int previous = 0;
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isBlank()) {
        throw new IllegalArgumentException("--observed item " + (i + 1) + " is empty; write"
            + " SESSION:SCORE,... e.g. 1:15,2:14");
      }
      String[] kv = parts[i].strip().split(":", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("--observed must be SESSION:SCORE,... e.g. 1:15,2:14;"
            + " item " + (i + 1) + " was " + CliText.quote(parts[i]));
      }
      int s;
      try {
        s = Integer.parseInt(kv[0].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--observed session must be a whole number, was "
            + CliText.quote(kv[0]), e);
      }
      if (s > MAX_SESSIONS) {
        throw new IllegalArgumentException(
            "--observed session must be at most " + MAX_SESSIONS + ", was " + s);
      }
      if (s <= previous) {
        throw new IllegalArgumentException("--observed sessions must be increasing and after the"
            + " intake (session 0), was " + s + " after " + previous);
      }
      previous = s;
      sessions[0][i] = s;
      scores[0][i] = number("--observed score", kv[1]);
    }
  }

  /**
   * A finite number from text, with the CLI's message; used by {@code candor serve} too.
   *
   * @param what the option or field, as the message names it (e.g. {@code --intake})
   * @param text the text
   * @return the number
   * @throws IllegalArgumentException "WHAT must be a finite number, was TEXT"
   */
  public static double number(String what, String text) {
    try {
      double v = Double.parseDouble(text.strip());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a finite number, was " + CliText.quote(text), e);
    }
  }

  /**
   * A short section for {@code candor demo}: fits a log-basis growth model to a small built-in
   * panel (8 clients, sessions 0–5), then prints the expected curve for a client with intake 20
   * and the alert for a session-3 score of 19.
   *
   * @param out where to print
   */
  public static void demoSection(PrintWriter out) {
    double[][] y = {
      {20, 16, 14, 13, 12, 12}, {18, 17, 15, 15, 13, 12}, {22, 18, 17, 14, 13, 11},
      {15, 13, 12, 10, 10, 9}, {24, 22, 21, 20, 19, 19}, {19, 15, 12, 11, 9, 8},
      {17, 16, 16, 14, 14, 13}, {21, 17, 15, 14, 14, 12}};
    String[] ids = new String[48];
    double[] t = new double[48];
    double[] s = new double[48];
    for (int c = 0; c < 8; c++) {
      for (int k = 0; k < 6; k++) {
        ids[6 * c + k] = "client-" + (c + 1);
        t[6 * c + k] = k;
        s[6 * c + k] = y[c][k];
      }
    }
    var fit = GrowthModel.withDefaults().with(TimeBasis.LOG).fit(GrowthData.of(ids, t, s));
    out.println("Expected treatment response (toy example: 8 made-up clients, PHQ-9-like scores,"
        + " sessions 0-5; model score ~ log(session+1) + (log(session+1) | client), REML)");
    ExpectedResponse er = ExpectedResponse.of(ExpectedResponseModel.from(fit)
        .withProvenance("Fitted on the 8 made-up clients above."))
        .withPercentiles(0.10, 0.25, 0.75, 0.90);
    compute("the toy model", er, 20, new int[] {1, 2, 3}, new double[] {19, 19, 19}, 6,
        AlertRules.withDefaults().withFunctionalCutoff(10)).printText(out);
    out.flush();
  }
}
