package io.candor.model.mixture;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Random starting values for EM. Each start picks K seed clients by k-means++ seeding (Arthur
 * &amp; Vassilvitskii 2007) on the clients' own least-squares trajectories, in the metric of the
 * average design (the squared distance between two curves averaged over the observed times),
 * assigns every client to the seed curve that fits its observations best, and takes one M-step
 * from that hard partition: class curves by least squares, a common residual variance and (for
 * GMM) a common random-effect covariance from the spread of the clients' own trajectories within
 * the partition. Clients with too few distinct times for their own trajectory are assigned but
 * never chosen as seeds. When fewer than K clients have their own trajectory, the partition is
 * drawn uniformly at random instead.
 *
 * <p>All randomness is drawn, in order, from the provider given to {@link #draw}; the starts are
 * then independent of threads.
 */
final class Starts {

  private final ClientBlocks b;
  private final int q;
  private final int[] eligible;
  private final double[] own; // eligible.length * p: each eligible client's own coefficients
  private final double[] metric; // p * p full
  private final double withinVariance; // pooled within-client residual variance

  Starts(ClientBlocks b, int q) {
    this.b = b;
    this.q = q;
    int p = b.p;
    int len = b.len;
    int[] el = new int[b.m];
    double[] co = new double[b.m * p];
    int ne = 0;
    double[] a = new double[p * p];
    double[] x = new double[p];
    double rssOwn = 0;
    double dfOwn = 0;
    for (int i = 0; i < b.m; i++) {
      Dense.unpack(b.s, i * len + b.xx, p, a);
      if (!Dense.cholesky(a, p, 1e-10)) {
        continue;
      }
      System.arraycopy(b.s, i * len + ClientBlocks.XY, x, 0, p);
      double fit = 0;
      double[] rhs = x.clone();
      Dense.cholSolve(a, p, x);
      for (int j = 0; j < p; j++) {
        fit += x[j] * rhs[j];
      }
      int n = b.n(i);
      if (n > p) {
        rssOwn += Math.max(0, b.s[i * len + ClientBlocks.YY] - fit);
        dfOwn += n - p;
      }
      System.arraycopy(x, 0, co, ne * p, p);
      el[ne++] = i;
    }
    this.eligible = java.util.Arrays.copyOf(el, ne);
    this.own = java.util.Arrays.copyOf(co, ne * p);
    double[] total = new double[b.pk];
    for (int i = 0; i < b.m; i++) {
      for (int j = 0; j < b.pk; j++) {
        total[j] += b.s[i * len + b.xx + j];
      }
    }
    this.metric = new double[p * p];
    Dense.unpack(total, 0, p, metric);
    for (int j = 0; j < p * p; j++) {
      metric[j] /= b.rows;
    }
    this.withinVariance = dfOwn > 0 && rssOwn > 0 ? rssOwn / dfOwn : b.yVariance / 2;
  }

  /** The single start of a one-class model: every client in the class. */
  Params single() {
    int[] all = new int[b.m];
    return fromPartition(all, 1);
  }

  /** Draws {@code count} starts for k classes. */
  Params[] draw(int count, int k, UniformRandomProvider rng) {
    Params[] out = new Params[count];
    for (int s = 0; s < count; s++) {
      int[] partition = eligible.length >= k ? seeded(k, rng) : random(k, rng);
      out[s] = fromPartition(partition, k);
    }
    return out;
  }

  private int[] random(int k, UniformRandomProvider rng) {
    int[] part = new int[b.m];
    for (int i = 0; i < b.m; i++) {
      part[i] = rng.nextInt(k);
    }
    // every class gets at least one client when possible
    for (int j = 0; j < Math.min(k, b.m); j++) {
      part[j] = j;
    }
    return part;
  }

  private int[] seeded(int k, UniformRandomProvider rng) {
    int p = b.p;
    int ne = eligible.length;
    int[] seeds = new int[k];
    double[] dist = new double[ne];
    java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
    boolean[] chosen = new boolean[ne];
    seeds[0] = rng.nextInt(ne);
    chosen[seeds[0]] = true;
    for (int j = 1; j < k; j++) {
      double total = 0;
      int last = seeds[j - 1];
      for (int e = 0; e < ne; e++) {
        double d = distance(e, last);
        if (d < dist[e]) {
          dist[e] = d;
        }
        if (!chosen[e]) {
          total += dist[e];
        }
      }
      int pick = -1;
      if (total > 0) {
        double u = rng.nextDouble() * total;
        double acc = 0;
        for (int e = 0; e < ne; e++) {
          if (chosen[e]) {
            continue;
          }
          acc += dist[e];
          if (u < acc) {
            pick = e;
            break;
          }
        }
        if (pick < 0) { // rounding at the very end of the sum
          for (int e = ne - 1; e >= 0 && pick < 0; e--) {
            if (!chosen[e] && dist[e] > 0) {
              pick = e;
            }
          }
        }
      } else {
        int r = rng.nextInt(ne - j);
        for (int e = 0; e < ne; e++) {
          if (!chosen[e] && r-- == 0) {
            pick = e;
            break;
          }
        }
      }
      seeds[j] = pick;
      chosen[pick] = true;
    }
    // assign every client to the seed curve that fits it best
    int len = b.len;
    int[] part = new int[b.m];
    double[] rss = new double[k * len];
    for (int j = 0; j < k; j++) {
      Em.rssCoefficients(own, seeds[j] * p, p, rss, j * len);
    }
    for (int i = 0; i < b.m; i++) {
      int best = 0;
      double bestV = Double.POSITIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        double v = 0;
        for (int a = 0; a < len; a++) {
          v += b.s[i * len + a] * rss[j * len + a];
        }
        if (v < bestV) {
          bestV = v;
          best = j;
        }
      }
      part[i] = best;
    }
    for (int j = 0; j < k; j++) {
      part[eligible[seeds[j]]] = j; // a seed belongs to its own class
    }
    return part;
  }

  private double distance(int e, int f) {
    int p = b.p;
    double s = 0;
    for (int j = 0; j < p; j++) {
      double dj = own[e * p + j] - own[f * p + j];
      for (int l = 0; l < p; l++) {
        s += dj * metric[j * p + l] * (own[e * p + l] - own[f * p + l]);
      }
    }
    return s;
  }

  /** One M-step from a hard partition (the class of client i is {@code part[i]}). */
  private Params fromPartition(int[] part, int k) {
    int p = b.p;
    int len = b.len;
    Params th = new Params(k, p, q, b.cw);
    double[] sums = new double[k * len];
    int[] counts = new int[k];
    for (int i = 0; i < b.m; i++) {
      int j = part[i];
      counts[j]++;
      for (int a = 0; a < len; a++) {
        sums[j * len + a] += b.s[i * len + a];
      }
    }
    double[] a = new double[p * p];
    double[] x = new double[p];
    double rssTotal = 0;
    double[] overall = overallCoefficients();
    for (int j = 0; j < k; j++) {
      Dense.unpack(sums, j * len + b.xx, p, a);
      if (counts[j] > 0 && Dense.cholesky(a, p, 1e-10)) {
        System.arraycopy(sums, j * len + ClientBlocks.XY, x, 0, p);
        double[] rhs = x.clone();
        Dense.cholSolve(a, p, x);
        double fit = 0;
        for (int r = 0; r < p; r++) {
          fit += x[r] * rhs[r];
        }
        rssTotal += Math.max(0, sums[j * len + ClientBlocks.YY] - fit);
        System.arraycopy(x, 0, th.beta, j * p, p);
      } else {
        System.arraycopy(overall, 0, th.beta, j * p, p);
        double[] c = new double[len];
        Em.rssCoefficients(overall, 0, p, c, 0);
        for (int r = 0; r < len; r++) {
          rssTotal += sums[j * len + r] * c[r];
        }
      }
    }
    double s2 = rssTotal / b.rows;
    if (q > 0) {
      s2 = withinVariance;
    }
    if (!(s2 > Em.COLLAPSED_VARIANCE * b.yVariance)) {
      s2 = b.yVariance / 2 + 1e-300;
    }
    java.util.Arrays.fill(th.sigma2, s2);
    if (q > 0) {
      double[] d = withinCovariance(part, k);
      for (int j = 0; j < k; j++) {
        System.arraycopy(d, 0, th.d, j * q * q, q * q);
      }
    }
    for (int j = 0; j < k; j++) {
      double share = Math.max(counts[j], 0.5) / b.m;
      th.eta[j * b.cw] = Math.log(share);
    }
    if (b.cw > 1) {
      double ref = th.eta[0];
      for (int j = 0; j < k; j++) {
        th.eta[j * b.cw] -= ref;
      }
    }
    return th;
  }

  private double[] overallCoefficients() {
    int p = b.p;
    double[] sums = new double[b.len];
    for (int i = 0; i < b.m; i++) {
      for (int a = 0; a < b.len; a++) {
        sums[a] += b.s[i * b.len + a];
      }
    }
    double[] a = new double[p * p];
    Dense.unpack(sums, b.xx, p, a);
    Dense.cholesky(a, p, 0);
    double[] x = new double[p];
    System.arraycopy(sums, ClientBlocks.XY, x, 0, p);
    Dense.cholSolve(a, p, x);
    return x;
  }

  /**
   * The pooled covariance, within the partition's classes, of the eligible clients' own intercepts
   * (and slopes): a starting value for D. Falls back to half the outcome variance on the
   * intercept when fewer than two clients per class have their own trajectory.
   */
  private double[] withinCovariance(int[] part, int k) {
    int p = b.p;
    double[] mean = new double[k * q];
    int[] n = new int[k];
    for (int e = 0; e < eligible.length; e++) {
      int j = part[eligible[e]];
      n[j]++;
      for (int a = 0; a < q; a++) {
        mean[j * q + a] += own[e * p + a];
      }
    }
    for (int j = 0; j < k; j++) {
      for (int a = 0; a < q; a++) {
        mean[j * q + a] /= Math.max(1, n[j]);
      }
    }
    double[] d = new double[q * q];
    for (int e = 0; e < eligible.length; e++) {
      int j = part[eligible[e]];
      for (int a = 0; a < q; a++) {
        double da = own[e * p + a] - mean[j * q + a];
        for (int c = 0; c < q; c++) {
          d[a * q + c] += da * (own[e * p + c] - mean[j * q + c]);
        }
      }
    }
    int df = eligible.length - k;
    if (df < 1 || !(d[0] > 0)) {
      double[] fallback = new double[q * q];
      fallback[0] = b.yVariance / 2;
      return fallback;
    }
    for (int a = 0; a < q * q; a++) {
      d[a] /= df;
    }
    return d;
  }
}
