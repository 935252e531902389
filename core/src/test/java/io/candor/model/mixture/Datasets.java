package io.candor.model.mixture;

import io.candor.model.growth.GrowthData;
import io.candor.reference.ReferenceCsv;
import java.util.List;
import java.util.Map;

/** Committed data sets the mixture tests share. */
final class Datasets {

  private Datasets() {}

  /** lme4's sleepstudy (18 subjects, days 0..9). */
  static GrowthData sleepstudy() {
    return read("/reference/growth/sleepstudy.csv", "Subject", "Days", "Reaction");
  }

  /** The growth reference panel with dropout (120 clients, 1 to 13 sessions). */
  static GrowthData dropout() {
    List<Map<String, String>> rows = ReferenceCsv.read("/reference/growth/dropout.csv");
    GrowthData d = read(rows, "client", "session", "score");
    double[] severe = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("severe")))
        .toArray();
    double[] age = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("age"))).toArray();
    return d.withCovariate("severe", severe).withCovariate("age", age);
  }

  static GrowthData read(String resource, String id, String time, String score) {
    return read(ReferenceCsv.read(resource), id, time, score);
  }

  static GrowthData read(List<Map<String, String>> rows, String id, String time, String score) {
    String[] ids = rows.stream().map(r -> r.get(id)).toArray(String[]::new);
    double[] t = rows.stream().mapToDouble(r -> Double.parseDouble(r.get(time))).toArray();
    double[] y = rows.stream().mapToDouble(r -> Double.parseDouble(r.get(score))).toArray();
    return GrowthData.of(ids, t, y);
  }
}
