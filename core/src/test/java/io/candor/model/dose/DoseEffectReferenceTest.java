package io.candor.model.dose;

import io.candor.reference.ReferenceCsv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Agreement with R 4.2.2 {@code glm(..., family = binomial(link))} and {@code MASS::dose.p} on the
 * data of {@code reference/dose/make_reference.R}.
 */
class DoseEffectReferenceTest {

  private static final String DIR = "/reference/dose/";

  private static final Map<String, DoseEffectFit> FITS = new LinkedHashMap<>();

  private static DoseEffectFit fit(String dataset, String link, double level) {
    return FITS.computeIfAbsent(
        dataset + "/" + link + "/" + level,
        k -> {
          List<double[]> rows = new ArrayList<>();
          for (Map<String, String> r : ReferenceCsv.read(DIR + "dose_data.csv")) {
            if (r.get("dataset").equals(dataset)) {
              rows.add(
                  new double[] {
                    Double.parseDouble(r.get("sessions")),
                    Double.parseDouble(r.get("n")),
                    Double.parseDouble(r.get("improved"))
                  });
            }
          }
          DoseEffect de = DoseEffect.withDefaults().with(Link.parse(link))
              .withConfidenceLevel(level);
          int m = rows.size();
          double[] s = new double[m];
          if (dataset.equals("clients")) {
            boolean[] y = new boolean[m];
            for (int i = 0; i < m; i++) {
              s[i] = rows.get(i)[0];
              y[i] = rows.get(i)[2] == 1;
            }
            return de.fitClients(s, y);
          }
          int[] n = new int[m];
          int[] y = new int[m];
          for (int i = 0; i < m; i++) {
            s[i] = rows.get(i)[0];
            n[i] = (int) rows.get(i)[1];
            y[i] = (int) rows.get(i)[2];
          }
          return de.fit(s, n, y);
        });
  }

  private static void close(String what, String expected, double actual, double relTol) {
    double e = Double.parseDouble(expected);
    assertEquals(e, actual, relTol * Math.max(1e-300, Math.abs(e)), what);
  }

  @Test
  void coefficientsDevianceAndAic_matchGlm() {
    int checked = 0;
    for (Map<String, String> r : ReferenceCsv.read(DIR + "dose_fits.csv")) {
      DoseEffectFit f = fit(r.get("dataset"), r.get("link"), 0.95);
      String w = r.get("dataset") + "/" + r.get("link");
      close(w + " b0", r.get("b0"), f.intercept().estimate(), 1e-8);
      close(w + " b1", r.get("b1"), f.slope().estimate(), 1e-8);
      close(w + " se0", r.get("se0"), f.intercept().stdErr(), 1e-8);
      close(w + " se1", r.get("se1"), f.slope().stdErr(), 1e-8);
      close(w + " z0", r.get("z0"), f.intercept().z(), 1e-8);
      close(w + " z1", r.get("z1"), f.slope().z(), 1e-8);
      close(w + " p0", r.get("p0"), f.intercept().p(), 1e-6);
      close(w + " p1", r.get("p1"), f.slope().p(), 1e-6);
      close(w + " cov01", r.get("cov01"), f.covariance(), 1e-8);
      close(w + " deviance", r.get("deviance"), f.deviance(), 1e-8);
      close(w + " null deviance", r.get("nulldev"), f.nullDeviance(), 1e-10);
      close(w + " aic", r.get("aic"), f.aic(), 1e-10);
      assertEquals(Integer.parseInt(r.get("dfres")), f.dfResidual(), w);
      assertEquals(Integer.parseInt(r.get("dfnull")), f.dfNull(), w);
      assertEquals(Integer.parseInt(r.get("iter")), f.convergence().iterations(), w + " iter");
      assertTrue(f.convergence().converged(), w);
      checked++;
    }
    assertEquals(6, checked);
  }

  @Test
  void sessionsForShare_matchDosePWithDeltaMethodIntervals() {
    int checked = 0;
    for (Map<String, String> r : ReferenceCsv.read(DIR + "dose_p.csv")) {
      double level = Double.parseDouble(r.get("level"));
      DoseEffectFit f = fit(r.get("dataset"), r.get("link"), level);
      double p = Double.parseDouble(r.get("p"));
      SessionsEstimate e = f.sessionsFor(p).orElseThrow();
      String w = r.get("dataset") + "/" + r.get("link") + "/" + level + "/" + p;
      close(w + " log", r.get("logsessions"), e.logSessions(), 1e-8);
      close(w + " se", r.get("se"), e.logStdErr(), 1e-8);
      close(w + " sessions", r.get("sessions"), e.sessions(), 1e-8);
      close(w + " lower", r.get("lower"), e.lower(), 1e-8);
      close(w + " upper", r.get("upper"), e.upper(), 1e-8);
      checked++;
    }
    assertEquals(36, checked);
  }
}
