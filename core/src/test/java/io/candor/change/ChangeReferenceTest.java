package io.candor.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Compares every method, cutoff and category with values computed in R by
 * {@code src/test/resources/reference/change/make_reference.R} (the published formulas in plain R,
 * following the clinicalsignificance package's source), to 1e-10.
 */
class ChangeReferenceTest {

  private static final double TOL = 1e-10;
  private static final String DIR = "/reference/change/";

  private static List<String[]> csv(String name) throws IOException {
    InputStream in = Objects.requireNonNull(ChangeReferenceTest.class.getResourceAsStream(DIR + name), name);
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.split(","));
        }
      }
    }
    return rows;
  }

  private static Instrument instrument(String key) {
    return key.equals("phq9") ? Instruments.PHQ9 : Instruments.WEMWBS;
  }

  private static Map<String, double[][]> pairs() throws IOException {
    Map<String, double[][]> out = new HashMap<>();
    for (String key : List.of("phq9", "wemwbs")) {
      List<String[]> rows = csv(key + "_pairs.csv");
      double[] pre = new double[rows.size()];
      double[] post = new double[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        pre[i] = Double.parseDouble(rows.get(i)[1]);
        post[i] = Double.parseDouble(rows.get(i)[2]);
      }
      out.put(key, new double[][] {pre, post});
    }
    return out;
  }

  @Test
  void referenceStatistics_matchR() throws IOException {
    Map<String, double[][]> data = pairs();
    for (String[] row : csv("reference_stats.csv")) {
      double[][] d = data.get(row[0]);
      ReferenceStatistics s = ReferenceStatistics.of(d[0], d[1]);
      assertEquals(Double.parseDouble(row[1]), s.preMean(), TOL, row[0] + " pre mean");
      assertEquals(Double.parseDouble(row[2]), s.preSd(), TOL, row[0] + " pre sd");
      assertEquals(Double.parseDouble(row[3]), s.postMean(), TOL, row[0] + " post mean");
      assertEquals(Double.parseDouble(row[4]), s.postSd(), TOL, row[0] + " post sd");
      assertEquals(Double.parseDouble(row[5]), s.correlation(), TOL, row[0] + " correlation");
      assertEquals(Integer.parseInt(row[6]), s.n());
    }
  }

  @Test
  void cutoffs_matchR_includingHagemanArrindellTrueScoreVariant() throws IOException {
    Map<String, double[][]> data = pairs();
    for (String[] row : csv("reference_cutoffs.csv")) {
      double[][] d = data.get(row[0]);
      ChangeContext c =
          ChangeContext.ofCohort(instrument(row[0]), ReferenceStatistics.of(d[0], d[1]))
              .with(CutoffType.parse(row[1]));
      assertEquals(Double.parseDouble(row[2]), ClinicalCutoff.of(c).value(), TOL,
          row[0] + " JT cutoff " + row[1]);
      assertEquals(Double.parseDouble(row[3]), ClinicalCutoff.ofTrueScore(c).value(), TOL,
          row[0] + " HA cutoff " + row[1]);
    }
  }

  @Test
  void cutoffB_usesFunctionalSd_notTheClinicalSdAsThePopularRPackageDoes() throws IOException {
    Map<String, double[][]> data = pairs();
    for (String[] row : csv("reference_cutoffs.csv")) {
      if (!row[1].equals("b")) {
        continue;
      }
      double[][] d = data.get(row[0]);
      ChangeContext c =
          ChangeContext.ofCohort(instrument(row[0]), ReferenceStatistics.of(d[0], d[1]))
              .with(CutoffType.B);
      double b = ClinicalCutoff.of(c).value();
      double packageValue = Double.parseDouble(row[4]);
      // PHQ-9: functional mean 2.91 + 2 x functional SD 3.52 = 9.95, not 2.91 + 2 x 6.18 = 15.26
      assertTrue(Math.abs(b - packageValue) > 1, row[0] + ": b must differ from the buggy value");
      if (row[0].equals("phq9")) {
        assertEquals(2.91 + 2 * 3.52, b, 1e-12);
      }
    }
  }

  @Test
  void everyMethodCutoffAndCategory_matchesR() throws IOException {
    Map<String, double[][]> data = pairs();
    Map<String, ReliableChangeMethod> byAbbreviation = new HashMap<>();
    for (ReliableChangeMethod m : ReliableChangeMethod.values()) {
      byAbbreviation.put(m.abbreviation(), m);
    }
    int checked = 0;
    for (String[] row : csv("reference_individual.csv")) {
      double[][] d = data.get(row[0]);
      ChangeContext c =
          ChangeContext.ofCohort(instrument(row[0]), ReferenceStatistics.of(d[0], d[1]))
              .with(CutoffType.parse(row[2]));
      ReliableChangeMethod m = byAbbreviation.get(row[1]);
      double pre = Double.parseDouble(row[4]);
      double post = Double.parseDouble(row[5]);
      Classification cl = ClinicalChange.classify(m, pre, post, c);
      String what = String.join(",", row[0], row[1], row[2], "id " + row[3]);
      assertEquals(Double.parseDouble(row[6]), cl.reliableChange().index(), TOL, what + " index");
      assertEquals(Double.parseDouble(row[7]), cl.cutoff().value(), TOL, what + " cutoff");
      if (!row[8].equals("NA")) {
        assertEquals(Double.parseDouble(row[8]), cl.cutoffIndex().orElseThrow(), TOL, what + " cs");
      }
      assertEquals(Boolean.parseBoolean(row[9].toLowerCase(Locale.ROOT)), cl.clinicalPre(), what);
      assertEquals(Boolean.parseBoolean(row[10].toLowerCase(Locale.ROOT)), cl.functionalPost(), what);
      assertEquals(ChangeCategory.valueOf(row[11]), cl.category(), what + " category");
      checked++;
    }
    assertEquals(6 * 3 * (40 + 30), checked);
  }

  @Test
  void withSignificance_matchesRExactQuantiles_andHarmDiffersFromThePackageOnlyWhereDocumented()
      throws IOException {
    Map<String, double[][]> data = pairs();
    Map<String, ReliableChangeMethod> byAbbreviation = new HashMap<>();
    for (ReliableChangeMethod m : ReliableChangeMethod.values()) {
      byAbbreviation.put(m.abbreviation(), m);
    }
    int checked = 0;
    for (String[] row : csv("reference_significance.csv")) {
      double[][] d = data.get(row[0]);
      ChangeContext c =
          ChangeContext.ofCohort(instrument(row[0]), ReferenceStatistics.of(d[0], d[1]))
              .with(CutoffType.C).withSignificance(Double.parseDouble(row[2]));
      ReliableChangeMethod m = byAbbreviation.get(row[1]);
      int id = Integer.parseInt(row[3]);
      Classification cl = ClinicalChange.classify(m, d[0][id - 1], d[1][id - 1], c);
      String what = String.join(",", row[0], row[1], row[2], "id " + row[3]);
      assertEquals(Double.parseDouble(row[4]), cl.reliableChange().criticalValue(), 1e-15, what);
      assertEquals(Double.parseDouble(row[5]), cl.reliableChange().index(), TOL, what + " index");
      assertEquals(ChangeCategory.valueOf(row[6]), cl.category(), what + " category");
      if (!row[6].equals(row[7])) {
        // only Hageman-Arrindell harm may differ: the package calls every reliable deterioration
        // of a client not clinical before "harmed"
        assertEquals(ReliableChangeMethod.HAGEMAN_ARRINDELL, m, what);
        assertEquals(ChangeCategory.HARMED, ChangeCategory.valueOf(row[7]), what);
      }
      checked++;
    }
    assertEquals(2 * 6 * (40 + 30), checked);
  }

  @Test
  void wilsonIntervals_matchRPropTestWithoutContinuityCorrection() throws IOException {
    for (String[] row : csv("reference_wilson.csv")) {
      Rate rate = Rate.wilson(Integer.parseInt(row[0]), Integer.parseInt(row[1]));
      assertEquals(Double.parseDouble(row[2]), rate.lower(), 1e-12, String.join(",", row));
      assertEquals(Double.parseDouble(row[3]), rate.upper(), 1e-12, String.join(",", row));
    }
  }
}
