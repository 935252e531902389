package io.candor.model.growth;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Reads the committed R reference files in {@code reference/growth} and
 * {@code reference/therapists}.
 */
public final class Reference {

  private Reference() {}

  static Properties properties(String name) {
    return properties("growth", name);
  }

  /**
   * A {@code .properties} file of the reference folder {@code area}.
   *
   * @param area the folder under {@code reference/}
   * @param name the file name without {@code .properties}
   * @return the properties
   */
  public static Properties properties(String area, String name) {
    Properties p = new Properties();
    try (InputStream in = open(area, name + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  public static double num(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null) {
      throw new IllegalArgumentException("missing " + key);
    }
    return Double.parseDouble(v);
  }

  /**
   * Asserts {@code |expected − actual| <= tol · max(1e-3, |expected|)}.
   *
   * @param expected the reference value
   * @param actual Candor's value
   * @param tol the relative tolerance
   * @param what names the value in a failure
   */
  public static void assertRelative(double expected, double actual, double tol, String what) {
    org.junit.jupiter.api.Assertions.assertEquals(expected, actual,
        tol * Math.max(1e-3, Math.abs(expected)), what);
  }

  /**
   * Asserts the fixed effects, their SEs, σ and the likelihood criteria of a fit against an lme4
   * reference file written by {@code write_fit} (keys {@code fixef.j}, {@code se.j},
   * {@code sigma}, {@code logLik}, {@code deviance}, {@code AIC}, {@code BIC}, {@code REMLcrit}).
   */
  static void assertFixedPartAndCriteria(Properties r, GrowthFit fit, double tol) {
    double[] beta = fit.beta();
    for (int j = 0; j < beta.length; j++) {
      assertRelative(num(r, "fixef." + j), beta[j], tol, "fixef." + j);
      assertRelative(num(r, "se." + j), fit.fixedEffects().get(j).se(), tol, "se." + j);
    }
    assertRelative(num(r, "sigma"), fit.residualSd(), tol, "sigma");
    assertRelative(num(r, "logLik"), fit.logLik(), tol, "logLik");
    assertRelative(num(r, "deviance"), fit.deviance(), tol, "deviance");
    assertRelative(num(r, "AIC"), fit.aic(), tol, "AIC");
    assertRelative(num(r, "BIC"), fit.bic(), tol, "BIC");
    if (fit.estimation() == Estimation.REML) {
      assertRelative(num(r, "REMLcrit"), fit.remlCriterion().orElseThrow(), tol, "REMLcrit");
    } else {
      org.junit.jupiter.api.Assertions.assertTrue(fit.remlCriterion().isEmpty());
    }
  }

  /** A simple CSV (no quotes): header, then rows. */
  static List<String[]> csv(String name) {
    return csv("growth", name);
  }

  /**
   * A simple CSV (no quotes) of the reference folder {@code area}: header, then rows.
   *
   * @param area the folder under {@code reference/}
   * @param name the file name
   * @return the header row, then the data rows
   */
  public static List<String[]> csv(String area, String name) {
    try (InputStream in = open(area, name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String[]> rows = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          rows.add(line.strip().split(","));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int col(List<String[]> rows, String name) {
    int i = Arrays.asList(rows.get(0)).indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no column " + name);
    }
    return i;
  }

  public static String[] strings(List<String[]> rows, String name) {
    int c = col(rows, name);
    return rows.subList(1, rows.size()).stream().map(r -> r[c]).toArray(String[]::new);
  }

  public static double[] doubles(List<String[]> rows, String name) {
    int c = col(rows, name);
    return rows.subList(1, rows.size()).stream().mapToDouble(r -> Double.parseDouble(r[c]))
        .toArray();
  }

  static GrowthData sleepstudy() {
    List<String[]> rows = csv("sleepstudy.csv");
    return GrowthData.of(strings(rows, "Subject"), doubles(rows, "Days"),
        doubles(rows, "Reaction"));
  }

  static GrowthData dropout() {
    List<String[]> rows = csv("dropout.csv");
    return GrowthData.of(strings(rows, "client"), doubles(rows, "session"),
        doubles(rows, "score")).withCovariate("severe", doubles(rows, "severe"))
        .withCovariate("age", doubles(rows, "age"));
  }

  /**
   * The simulated three-level panel ({@code reference/therapists/three_level.csv} or its
   * {@code _flat} variant): clients nested in therapists, client covariate {@code severe}.
   */
  static GrowthData threeLevel(String file) {
    List<String[]> rows = csv("therapists", file);
    return GrowthData.of(strings(rows, "client"), doubles(rows, "session"),
        doubles(rows, "score")).withCovariate("severe", doubles(rows, "severe"))
        .withClusters(strings(rows, "therapist"));
  }

  private static InputStream open(String area, String file) {
    InputStream in = Reference.class.getResourceAsStream("/reference/" + area + "/" + file);
    if (in == null) {
      throw new IllegalStateException("missing test resource reference/" + area + "/" + file);
    }
    return in;
  }
}
