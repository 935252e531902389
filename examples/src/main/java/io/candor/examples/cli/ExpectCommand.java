package io.candor.examples.cli;

import io.candor.charts.TrajectoryChart;
import io.candor.json.GrowthJson;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import io.candor.progress.Alert;
import io.candor.progress.AlertRules;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code candor expect}: the expected-response curve for a new client from a model written by
 * {@code candor fit --json}, with bands, and the alert for the latest observation.
 */
@Command(
    name = "expect",
    mixinStandardHelpOptions = true,
    description = {
      "Expected score at each session for a new client, with prediction bands, and an alert for"
          + " the latest observed session. The intake is treated as the observation at session 0.",
      "Example: candor expect --model model.json --intake 18 --observed 1:15,2:14,3:15"
    })
public final class ExpectCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE.json",
      description = "JSON written by candor fit --json (or a bare model object)")
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
      description = "functional (caseness) cutoff for the white signal (default: the"
          + " instrument's caseness cutoff)")
  Double cutoff;

  @Option(names = "--instrument", paramLabel = "ID",
      description = "the instrument the scores are on (e.g. PHQ-9): checks the intake and observed"
          + " scores against its range and sets the direction and the caseness cutoff")
  String instrument;

  @Option(names = "--higher-is-better", description = "higher scores are better (e.g. WEMWBS);"
      + " without --instrument, higher is taken as worse unless this is given")
  boolean higherIsBetter;

  @Mixin ChartOptions chart;

  @Option(names = "--fixed-uncertainty",
      description = "include the fixed effects' estimation uncertainty in the bands")
  boolean fixedUncertainty;

  @Override
  public Integer call() {
    ExpectedResponseModel model = readModel(modelFile);
    Map<String, Double> cov = parseCovariates(covariates);
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
    AlertRules rules = AlertRules.defaults();
    if (higherIsBetter) {
      rules = rules.withDirection(Direction.HIGHER_IS_BETTER);
    }
    if (cutoff != null) {
      rules = rules.withFunctionalCutoff(cutoff);
    }
    ExpectedResponse er = ExpectedResponse.of(model).withCovariates(cov)
        .withPercentiles(0.10, 0.25, 0.75, 0.90).withFixedEffectUncertainty(fixedUncertainty);
    if (instrument != null) {
      Instrument scale = Instruments.byId(instrument);
      checkFlagsAgree(scale);
      scale.checkScore("--intake", intake);
      for (int i = 0; i < sess[0].length; i++) {
        scale.checkScore("--observed score at session " + sess[0][i], scores[0][i]);
      }
      er = er.withScale(scale);
    }
    try {
      print(spec.commandLine().getOut(), er, intake, sess[0], scores[0], last, rules);
    } catch (IllegalArgumentException e) {
      // arithmetic on an absurd intake or score overflows inside the model: say which input did it
      throw new IllegalArgumentException("--intake " + intake + " or an --observed score is too far"
          + " from the model's scale to compute with: " + e.getMessage(), e);
    }
    PreparedCurve prepared = er.prepare(intake, last, rules);
    String label = instrument == null ? "score" : Instruments.byId(instrument).id() + " score";
    chart.write(style -> TrajectoryChart.withDefaults().withScoreLabel(label).with(style)
        .draw(prepared, intake, sess[0], scores[0]));
    return 0;
  }

  /** --higher-is-better and --cutoff must agree with the instrument, which sets both. */
  private void checkFlagsAgree(Instrument scale) {
    if (higherIsBetter && scale.direction() != Direction.HIGHER_IS_BETTER) {
      throw new IllegalArgumentException("--higher-is-better contradicts --instrument " + scale.id()
          + ", on which higher scores are worse; leave it out: the instrument sets the direction");
    }
    if (cutoff != null && scale.casenessCutoff().isPresent()
        && cutoff != scale.casenessCutoff().get().value()) {
      throw new IllegalArgumentException("--cutoff " + CliText.number(cutoff) + " contradicts "
          + scale.id() + "'s caseness cutoff " + scale.casenessCutoff().get()
          + "; leave it out: the instrument sets the cutoff");
    }
  }

  static void print(PrintWriter out, ExpectedResponse er, double intake, int[] sess,
      double[] scores, int last, AlertRules rules) {
    ExpectedCurve curve = er.fromIntake(intake, last);
    out.println("Expected scores given " + curve.conditioning()
        + (curve.includesFixedEffectUncertainty() ? " (bands include fixed-effect uncertainty)"
            : "") + ":");
    table(out, curve);
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
      Alert alert = prepared.evaluate(sess[latest], scores[latest]);
      out.println();
      out.println("Alert (" + alert.signal().name().toLowerCase(Locale.ROOT).replace('_', ' ')
          + (alert.onTrack() ? ", on track" : ", not on track") + "): " + alert.reason());
      AlertRules used = prepared.rules();
      out.printf(Locale.ROOT, "Rules: %s; white signal %s; yellow above the %.0fth and red above"
              + " the %.0fth worse-percentile (on track = white or green)%n",
          used.direction().orElseThrow() == Direction.HIGHER_IS_BETTER ? "higher is better"
              : "higher is worse",
          used.functionalCutoff().isPresent()
              ? "when not a case by the cutoff " + CliText.number(used.functionalCutoff().getAsDouble())
              : "off (no cutoff)",
          100 * used.yellowPercentile(), 100 * used.redPercentile());
      ExpectedCurve updated = er.forecast(withIntake, withScores, last);
      out.println();
      out.println("Updated forecast given " + updated.conditioning() + ":");
      table(out, updated);
    }
    out.println();
    out.println("Bands are the 10th-90th and 25th-75th percentiles of a new observation for a"
        + " client like this under the model; they describe the model, not a promise.");
    out.flush();
  }

  private static void table(PrintWriter out, ExpectedCurve curve) {
    out.println("  session  expected    10%    25%    75%    90%");
    for (SessionExpectation s : curve.sessions()) {
      List<Double> q = s.quantiles();
      out.printf(Locale.ROOT, "  %7d  %8.1f %6.1f %6.1f %6.1f %6.1f%n", s.session(), s.mean(),
          q.get(0), q.get(1), q.get(2), q.get(3));
    }
  }

  static ExpectedResponseModel readModel(Path file) {
    try {
      return GrowthJson.readModel(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static Map<String, Double> parseCovariates(List<String> items) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (String item : items) {
      String[] kv = item.split("=", 2);
      if (kv.length != 2 || kv[0].isBlank()) {
        throw new IllegalArgumentException("--covariate must be NAME=VALUE, was " + item);
      }
      map.put(kv[0].strip(), number("--covariate " + kv[0].strip(), kv[1]));
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
            + " item " + (i + 1) + " was " + parts[i]);
      }
      int s;
      try {
        s = Integer.parseInt(kv[0].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--observed session must be a whole number, was "
            + kv[0], e);
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

  private static double number(String what, String text) {
    try {
      double v = Double.parseDouble(text.strip());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a finite number, was " + text, e);
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
    var fit = GrowthModel.withDefaults().withBasis(TimeBasis.LOG).fit(GrowthData.of(ids, t, s));
    out.println("Expected treatment response (toy example: 8 made-up clients, PHQ-9-like scores,"
        + " sessions 0-5; model score ~ log(session+1) + (log(session+1) | client), REML)");
    ExpectedResponse er = ExpectedResponse.of(ExpectedResponseModel.from(fit))
        .withPercentiles(0.10, 0.25, 0.75, 0.90);
    print(out, er, 20, new int[] {1, 2, 3}, new double[] {19, 19, 19}, 6,
        AlertRules.defaults().withFunctionalCutoff(10));
  }
}
