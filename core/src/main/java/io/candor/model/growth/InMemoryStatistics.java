package io.candor.model.growth;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * {@link GrowthStatistics} of a {@link GrowthData} held in this JVM: one {@link GrowthBlock} per
 * non-empty bucket, summed in bucket order. Client effects come back in the data's first-seen
 * client order.
 *
 * <p>The canonical order is reached with primitive arrays: clients are put into buckets by a
 * counting sort and sorted by id within each bucket, and a client's rows are sorted by time and
 * score only when they are not in that order already (rows read from a file usually are). A
 * bucket's {@link GrowthRows} then names its clients' ranges of the data's own columns; only when
 * some client's rows had to be sorted is each bucket's rows copied, while its block is built, so
 * at most one bucket's copy is alive at a time.
 */
final class InMemoryStatistics implements GrowthStatistics {

  private final GrowthModel model;
  private final GrowthData data;
  private final GrowthBlock[] blocks; // non-empty buckets, in bucket order
  private final int[][] clientsOfBlock; // the data's client indices, in each block's order
  private final double centre;
  private final double[] totals;
  private final double[] part; // scratch for one block's criterion terms
  // Models without covariates: the distinct designs of all blocks, the number among them of each
  // block's own designs, and scratch for the designs' factors, computed once per evaluation for all blocks
  private final int q;
  private final double[] designs;
  private final int[][] factorOf;
  private final double[] factors;

  InMemoryStatistics(GrowthModel model, GrowthData data) {
    this.model = model;
    this.data = data;
    int[] covIndex = model.covariateIndices(data);
    List<String> names = model.covariates();
    String[] ids = data.clients().toArray(new String[0]);
    int m = ids.length;
    int[] start = data.starts();
    double[] t = data.timeArray();
    double[] y = data.scoreArray();

    // clients by bucket (a counting sort), then by id within each bucket
    int[] bucketStart = new int[GrowthRows.BUCKETS + 1];
    int[] bucketOf = new int[m];
    for (int c = 0; c < m; c++) {
      bucketOf[c] = GrowthRows.bucket(ids[c]);
      bucketStart[bucketOf[c] + 1]++;
    }
    for (int b = 0; b < GrowthRows.BUCKETS; b++) {
      bucketStart[b + 1] += bucketStart[b];
    }
    int[] next = Arrays.copyOf(bucketStart, GrowthRows.BUCKETS);
    int[] order = new int[m];
    for (int c = 0; c < m; c++) {
      order[next[bucketOf[c]]++] = c;
    }
    int[] scratch = new int[m];
    for (int b = 0; b < GrowthRows.BUCKETS; b++) {
      sortById(order, bucketStart[b], bucketStart[b + 1], ids, scratch);
    }

    // each client's rows by time, then score: a permutation only if some client needs one
    int[] rowOrder = null;
    for (int c = 0; c < m; c++) {
      if (!inOrder(start[c], start[c + 1], t, y)) {
        if (rowOrder == null) {
          rowOrder = new int[t.length];
          for (int i = 0; i < rowOrder.length; i++) {
            rowOrder[i] = i;
          }
        }
        sortRows(rowOrder, start[c], start[c + 1], t, y, new int[start[c + 1] - start[c]]);
      }
    }

    // the centre: each bucket's score sum in canonical order, buckets in increasing order
    TreeMap<Integer, double[]> sums = new TreeMap<>();
    for (int b = 0; b < GrowthRows.BUCKETS; b++) {
      if (bucketStart[b] == bucketStart[b + 1]) {
        continue;
      }
      double sum = 0;
      int rows = 0;
      for (int j = bucketStart[b]; j < bucketStart[b + 1]; j++) {
        int c = order[j];
        for (int i = start[c]; i < start[c + 1]; i++) {
          sum += y[rowOrder == null ? i : rowOrder[i]];
        }
        rows += start[c + 1] - start[c];
      }
      sums.put(b, new double[] {sum, rows});
    }
    centre = GrowthRows.centre(sums);

    // one block per non-empty bucket, from its rows in canonical order (a copy only where some
    // client's rows are not in that order in the data)
    blocks = new GrowthBlock[sums.size()];
    clientsOfBlock = new int[sums.size()][];
    TreeMap<Integer, double[]> parts = new TreeMap<>();
    int at = 0;
    for (int b : sums.keySet()) {
      int from = bucketStart[b];
      int size = bucketStart[b + 1] - from;
      int rows = (int) sums.get(b)[1];
      String[] bucketIds = new String[size];
      double[][] cov = new double[names.size()][size];
      for (int j = 0; j < size; j++) {
        int c = order[from + j];
        bucketIds[j] = ids[c];
        for (int k = 0; k < names.size(); k++) {
          cov[k][j] = data.covariate(covIndex[k], c);
        }
      }
      GrowthRows bucketRows = rowOrder == null
          ? view(bucketIds, order, from, start, rows, t, y, names, cov)
          : copy(bucketIds, order, from, start, rowOrder, rows, t, y, names, cov);
      GrowthBlock block = bucketRows.statistics(model, centre);
      blocks[at] = block;
      clientsOfBlock[at] = Arrays.copyOfRange(order, from, from + size);
      parts.put(b, block.totals());
      at++;
    }
    totals = GrowthBlock.mergeTotals(parts);
    part = new double[blocks[0].termCount()];
    q = model.random().size();
    if (blocks[0].designs() == null) {
      designs = null;
      factorOf = null;
      factors = null;
      return;
    }
    int width = GrowthBlock.designWidth(q);
    int all = 0;
    for (GrowthBlock block : blocks) {
      all += block.designs().length / width;
    }
    double[] keys = new double[all * width];
    int filled = 0;
    for (GrowthBlock block : blocks) {
      System.arraycopy(block.designs(), 0, keys, filled, block.designs().length);
      filled += block.designs().length;
    }
    int[] number = new int[all];
    int distinct = GrowthBlock.group(keys, width, all, number);
    designs = new double[distinct * width];
    factorOf = new int[blocks.length][];
    int first = 0;
    for (int j = 0; j < blocks.length; j++) {
      int own = blocks[j].designs().length / width;
      for (int d = 0; d < own; d++) {
        System.arraycopy(keys, (first + d) * width, designs, number[first + d] * width, width);
      }
      factorOf[j] = Arrays.copyOfRange(number, first, first + own);
      first += own;
    }
    factors = new double[distinct * GrowthBlock.FACTOR];
  }

  /**
   * A bucket's rows where every client's rows are already in canonical order: its clients'
   * ranges of the data's own columns, not copied.
   */
  private static GrowthRows view(String[] bucketIds, int[] order, int from, int[] start,
      int rows, double[] t, double[] y, List<String> names, double[][] cov) {
    int size = bucketIds.length;
    int[] st = new int[size];
    int[] en = new int[size];
    for (int j = 0; j < size; j++) {
      int c = order[from + j];
      st[j] = start[c];
      en[j] = start[c + 1];
    }
    return GrowthRows.view(bucketIds, st, en, rows, t, y, names, cov);
  }

  /** A copy of a bucket's rows in canonical order: the clients' rows through {@code rowOrder}. */
  private static GrowthRows copy(String[] bucketIds, int[] order, int from, int[] start,
      int[] rowOrder, int rows, double[] t, double[] y, List<String> names, double[][] cov) {
    int size = bucketIds.length;
    int[] st = new int[size + 1];
    double[] tt = new double[rows];
    double[] yy = new double[rows];
    int r = 0;
    for (int j = 0; j < size; j++) {
      int c = order[from + j];
      st[j] = r;
      for (int i = start[c]; i < start[c + 1]; i++) {
        int row = rowOrder[i];
        tt[r] = t[row];
        yy[r] = y[row];
        r++;
      }
    }
    st[size] = r;
    return GrowthRows.sorted(bucketIds, st, tt, yy, names, cov);
  }

  /** Whether rows from .. to−1 are in canonical order (by time, then score). */
  private static boolean inOrder(int from, int to, double[] t, double[] y) {
    for (int i = from + 1; i < to; i++) {
      if (compareRows(i - 1, i, t, y) > 0) {
        return false;
      }
    }
    return true;
  }

  private static int compareRows(int a, int b, double[] t, double[] y) {
    int cmp = Double.compare(t[a], t[b]);
    return cmp != 0 ? cmp : Double.compare(y[a], y[b]);
  }

  /** Sorts row numbers a[from, to) by time, then score; stable (a merge sort). */
  private static void sortRows(int[] a, int from, int to, double[] t, double[] y, int[] tmp) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    sortRows(a, from, mid, t, y, tmp);
    sortRows(a, mid, to, t, y, tmp);
    if (compareRows(a[mid - 1], a[mid], t, y) <= 0) {
      return;
    }
    System.arraycopy(a, from, tmp, 0, mid - from);
    int i = 0;
    int j = mid;
    int k = from;
    while (i < mid - from && j < to) {
      a[k++] = compareRows(a[j], tmp[i], t, y) < 0 ? a[j++] : tmp[i++];
    }
    while (i < mid - from) {
      a[k++] = tmp[i++];
    }
  }

  /** Sorts client indices a[from, to) by id ({@link String#compareTo}; ids are distinct). */
  private static void sortById(int[] a, int from, int to, String[] ids, int[] tmp) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    sortById(a, from, mid, ids, tmp);
    sortById(a, mid, to, ids, tmp);
    if (ids[a[mid - 1]].compareTo(ids[a[mid]]) <= 0) {
      return;
    }
    System.arraycopy(a, from, tmp, from, mid - from);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      a[k++] = ids[a[j]].compareTo(ids[tmp[i]]) < 0 ? a[j++] : tmp[i++];
    }
    while (i < mid) {
      a[k++] = tmp[i++];
    }
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

  /**
   * The blocks' terms added in bucket order from zeros, as {@link GrowthBlock#sumTerms} adds
   * them, without allocating per block. Blocks of a model without covariates share the factors
   * of their designs (clients seen at the same times), computed once per evaluation.
   */
  @Override
  public double[] criterionTerms(double[] theta) {
    double[] sum = new double[part.length];
    if (designs != null) {
      // each distinct design's factor once for all blocks: the bits each block would compute
      int count = factors.length / GrowthBlock.FACTOR;
      for (int d = 0; d < count; d++) {
        GrowthBlock.factor(q, theta, designs, d, factors, d);
      }
      for (int j = 0; j < blocks.length; j++) {
        blocks[j].designTerms(factors, factorOf[j], part);
        GrowthBlock.add(sum, part);
      }
      return sum;
    }
    for (GrowthBlock block : blocks) {
      block.criterionTerms(theta, part);
      GrowthBlock.add(sum, part);
    }
    return sum;
  }

  @Override
  public List<ClientEffects> clientEffects(double[] theta, double[] betaCentred, double sigma2) {
    ClientEffects[] out = new ClientEffects[data.clientCount()];
    for (int j = 0; j < blocks.length; j++) {
      List<ClientEffects> effects = blocks[j].clientEffects(theta, betaCentred, sigma2);
      int[] clients = clientsOfBlock[j];
      for (int i = 0; i < clients.length; i++) {
        out[clients[i]] = effects.get(i);
      }
    }
    return Arrays.asList(out); // GrowthFit copies it
  }
}
