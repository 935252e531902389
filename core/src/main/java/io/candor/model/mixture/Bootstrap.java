package io.candor.model.mixture;

import io.candor.model.growth.GrowthData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The parametric bootstrap likelihood-ratio test of K against K − 1 classes (McLachlan 1987):
 * replicate data sets are simulated from the fitted (K − 1)-class model, keeping every client's
 * times and membership covariates; both K − 1 and K classes are fitted to each with the model's
 * starts, and the observed 2(ℓ_K − ℓ_{K−1}) is compared with the replicates'.
 *
 * <p>Replicate r of a test draws from its own XoRoShiRo128++ stream whose two state words are
 * drawn, in order, from the caller's provider before any replicate runs, so the p values do not
 * depend on the number of threads.
 */
final class Bootstrap {

  private Bootstrap() {}

  static List<BootstrapTest> tests(MixtureModel model, GrowthData data, List<MixtureFit> fits,
      UniformRandomProvider rng) {
    List<BootstrapTest> out = new ArrayList<>();
    int replicates = model.bootstrapReplicates();
    MixtureModel inner = model.singleThreaded();
    for (int f = 1; f < fits.size(); f++) {
      MixtureFit smaller = fits.get(f - 1);
      MixtureFit larger = fits.get(f);
      if (larger.classes() != smaller.classes() + 1) {
        continue;
      }
      int k = larger.classes();
      double observed = 2 * (larger.logLik() - smaller.logLik());
      long[] seeds = new long[2 * replicates];
      for (int r = 0; r < seeds.length; r++) {
        seeds[r] = rng.nextLong();
      }
      List<Double> stats = Parallel.map(replicates, model.threads(), () -> null, (none, r) -> {
        long s0 = seeds[2 * r];
        long s1 = seeds[2 * r + 1];
        UniformRandomProvider stream = new XoRoShiRo128PlusPlus(s0, s0 == 0 && s1 == 0
            ? 0x9e3779b97f4a7c15L : s1);
        GrowthData sim = simulate(smaller.model(), data, stream);
        try {
          MixtureFit a = inner.fit(sim, k - 1, stream);
          MixtureFit b = inner.fit(sim, k, stream);
          return 2 * (b.logLik() - a.logLik());
        } catch (Search.NoSolution e) {
          return Double.NaN;
        }
      });
      int failed = 0;
      int exceed = 0;
      for (double v : stats) {
        if (Double.isNaN(v)) {
          failed++;
        } else if (v >= observed) {
          exceed++;
        }
      }
      if (failed == replicates) {
        continue;
      }
      out.add(new BootstrapTest(k, observed, replicates, failed, exceed));
    }
    return out;
  }

  /** A data set like {@code data} (same clients, times, covariates) drawn from {@code model}. */
  static GrowthData simulate(TrajectoryClasses model, GrowthData data, UniformRandomProvider rng) {
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
    List<String> names = model.membershipCovariates();
    Params th = model.params(0);
    int k = th.k;
    int p = th.p;
    int q = th.q;
    int cw = th.cw;
    double[] times = data.groupedTimes();
    String[] ids = new String[times.length];
    double[] y = new double[times.length];
    double[] x = new double[p];
    double[] none = new double[0];
    double[] prior = new double[k];
    double[] w = new double[cw];
    double[] l = new double[4];
    double[] bEff = new double[2];
    int row = 0;
    for (int c = 0; c < data.clientCount(); c++) {
      w[0] = 1;
      for (int a = 1; a < cw; a++) {
        w[a] = data.covariate(names.get(a - 1), c);
      }
      Params.logPriors(th.eta, k, cw, w, 0, prior);
      double sum = 0;
      for (int j = 0; j < k; j++) {
        prior[j] = Math.exp(prior[j]);
        sum += prior[j];
      }
      double u = rng.nextDouble() * sum;
      int cls = k - 1;
      for (int j = 0; j < k; j++) {
        u -= prior[j];
        if (u < 0) {
          cls = j;
          break;
        }
      }
      if (q > 0) {
        Dense.semiCholesky(th.d, cls * q * q, q, l);
        double e0 = normal.sample();
        if (q == 1) {
          bEff[0] = l[0] * e0;
        } else {
          double e1 = normal.sample();
          bEff[0] = l[0] * e0;
          bEff[1] = l[2] * e0 + l[3] * e1;
        }
      }
      double sd = Math.sqrt(th.sigma2[cls]);
      String id = data.clients().get(c);
      for (int o = 0; o < data.observations(c); o++) {
        model.design().designRow(times[row], none, x);
        double mu = 0;
        for (int a = 0; a < p; a++) {
          mu += x[a] * th.beta[cls * p + a];
        }
        if (q > 0) {
          mu += bEff[0] + (q == 2 ? x[1] * bEff[1] : 0);
        }
        ids[row] = id;
        y[row] = mu + sd * normal.sample();
        row++;
      }
    }
    GrowthData sim = GrowthData.of(ids, times, y);
    for (String name : names) {
      Map<String, Double> byClient = new HashMap<>();
      for (int c = 0; c < data.clientCount(); c++) {
        byClient.put(data.clients().get(c), data.covariate(name, c));
      }
      sim = sim.withClientCovariate(name, byClient);
    }
    return sim;
  }
}
