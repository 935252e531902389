package io.candor.model.growth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link GrowthStatistics} of a {@link GrowthData} held in this JVM: one {@link GrowthBlock} per
 * non-empty bucket, summed in bucket order. Client effects come back in the data's first-seen
 * client order.
 */
final class InMemoryStatistics implements GrowthStatistics {

  private final GrowthModel model;
  private final GrowthData data;
  private final TreeMap<Integer, GrowthBlock> blocks; // non-empty buckets
  private final double centre;
  private final double[] totals;

  InMemoryStatistics(GrowthModel model, GrowthData data) {
    this.model = model;
    this.data = data;
    int[] covIndex = model.covariateIndices(data);
    List<String> names = model.covariates();
    List<String> clients = data.clients();
    int m = clients.size();
    List<List<Integer>> byBucket = new ArrayList<>(GrowthRows.BUCKETS);
    for (int b = 0; b < GrowthRows.BUCKETS; b++) {
      byBucket.add(null);
    }
    for (int c = 0; c < m; c++) {
      int b = GrowthRows.bucket(clients.get(c));
      List<Integer> list = byBucket.get(b);
      if (list == null) {
        list = new ArrayList<>();
        byBucket.set(b, list);
      }
      list.add(c);
    }
    int[] start = data.starts();
    double[] t = data.timeArray();
    double[] y = data.scoreArray();
    TreeMap<Integer, GrowthRows> rows = new TreeMap<>();
    for (int bucket = 0; bucket < GrowthRows.BUCKETS; bucket++) {
      List<Integer> list = byBucket.get(bucket);
      if (list == null) {
        continue;
      }
      list.sort((a, b) -> clients.get(a).compareTo(clients.get(b)));
      int nRows = 0;
      for (int c : list) {
        nRows += start[c + 1] - start[c];
      }
      String[] ids = new String[list.size()];
      int[] st = new int[list.size() + 1];
      double[] tt = new double[nRows];
      double[] yy = new double[nRows];
      double[][] cov = new double[names.size()][list.size()];
      int r = 0;
      for (int j = 0; j < list.size(); j++) {
        int c = list.get(j);
        ids[j] = clients.get(c);
        st[j] = r;
        int len = start[c + 1] - start[c];
        Integer[] order = new Integer[len];
        for (int i = 0; i < len; i++) {
          order[i] = start[c] + i;
        }
        Arrays.sort(order, (a, b) -> {
          int cmp = Double.compare(t[a], t[b]);
          return cmp != 0 ? cmp : Double.compare(y[a], y[b]);
        });
        for (int i : order) {
          tt[r] = t[i];
          yy[r] = y[i];
          r++;
        }
        for (int k = 0; k < names.size(); k++) {
          cov[k][j] = data.covariate(covIndex[k], c);
        }
      }
      st[list.size()] = r;
      rows.put(bucket, GrowthRows.sorted(ids, st, tt, yy, names, cov));
    }
    TreeMap<Integer, double[]> sums = new TreeMap<>();
    rows.forEach((b, g) -> sums.put(b, new double[] {g.scoreSum(), g.size()}));
    centre = GrowthRows.centre(sums);
    blocks = new TreeMap<>();
    TreeMap<Integer, double[]> parts = new TreeMap<>();
    rows.forEach((b, g) -> {
      GrowthBlock block = g.statistics(model, centre);
      blocks.put(b, block);
      parts.put(b, block.totals());
    });
    totals = GrowthBlock.mergeTotals(parts);
  }

  @Override
  public GrowthModel model() {
    return model;
  }

  @Override
  public io.candor.domain.ScoreScale scale() {
    return data.scale();
  }

  @Override
  public double centre() {
    return centre;
  }

  @Override
  public double[] totals() {
    return totals.clone();
  }

  @Override
  public double[] criterionTerms(double[] theta) {
    TreeMap<Integer, double[]> parts = new TreeMap<>();
    blocks.forEach((b, block) -> parts.put(b, block.criterionTerms(theta)));
    return GrowthBlock.sumTerms(parts);
  }

  @Override
  public List<ClientEffects> clientEffects(double[] theta, double[] betaCentred, double sigma2) {
    Map<String, ClientEffects> byId = new HashMap<>();
    for (GrowthBlock b : blocks.values()) {
      for (ClientEffects e : b.clientEffects(theta, betaCentred, sigma2)) {
        byId.put(e.client(), e);
      }
    }
    List<ClientEffects> out = new ArrayList<>(byId.size());
    for (String c : data.clients()) {
      out.add(byId.get(c));
    }
    return out;
  }
}
