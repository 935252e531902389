package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class PoissonBinomialTest {

  private static double[] randomProbabilities(long seed, int n) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble();
      // a realistic caseload mix: many small, some middling, a few near 0 or 1
      p[i] = i % 7 == 0 ? u * 0.02 : i % 11 == 0 ? 1 - u * 0.02 : u;
    }
    return p;
  }

  /** The textbook convolution, one trial at a time, in exact decimal arithmetic. */
  private static double[] exact(double[] p) {
    MathContext mc = MathContext.DECIMAL128;
    BigDecimal[] f = {BigDecimal.ONE};
    for (double pi : p) {
      BigDecimal q = new BigDecimal(pi);
      BigDecimal r = BigDecimal.ONE.subtract(q);
      BigDecimal[] g = new BigDecimal[f.length + 1];
      for (int k = 0; k < g.length; k++) {
        BigDecimal stay = k < f.length ? f[k].multiply(r, mc) : BigDecimal.ZERO;
        BigDecimal move = k > 0 ? f[k - 1].multiply(q, mc) : BigDecimal.ZERO;
        g[k] = stay.add(move, mc);
      }
      f = g;
    }
    double[] out = new double[f.length];
    for (int k = 0; k < f.length; k++) {
      out[k] = f[k].doubleValue();
    }
    return out;
  }

  @Test
  void pmf_smallCaseloadMatchesExactDecimalConvolution() {
    double[] p = randomProbabilities(1, 40);
    double[] expected = exact(p);
    PoissonBinomial d = PoissonBinomial.of(p);
    for (int k = 0; k <= 40; k++) {
      assertEquals(expected[k], d.pmf(k), 1e-15 + 1e-13 * expected[k], "k=" + k);
    }
  }

  @Test
  void pmf_divideAndConquerMatchesDirectConvolutionForLargeCaseloads() {
    for (int n : new int[] {PoissonBinomial.DIRECT_LIMIT + 1, 5000, 12_345}) {
      double[] p = randomProbabilities(n, n);
      double[] direct = PoissonBinomial.direct(p, 0, n);
      double[] dc = PoissonBinomial.of(p).pmf();
      assertEquals(direct.length, dc.length);
      double worst = 0;
      for (int k = 0; k < direct.length; k++) {
        worst = Math.max(worst, Math.abs(direct[k] - dc[k]));
      }
      assertTrue(worst < 1e-13, "n=" + n + ": max abs difference " + worst);
    }
  }

  @Test
  void pmf_agreesWithAMillionSimulatedCaseloads() {
    double[] p = randomProbabilities(7, 28);
    int draws = 1_000_000;
    long[] counts = new long[29];
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20240611L);
    for (int d = 0; d < draws; d++) {
      int k = 0;
      for (double pi : p) {
        if (rng.nextDouble() < pi) {
          k++;
        }
      }
      counts[k]++;
    }
    PoissonBinomial dist = PoissonBinomial.of(p);
    double chi2 = 0;
    int cells = 0;
    for (int k = 0; k <= 28; k++) {
      double e = draws * dist.pmf(k);
      if (e > 5) {
        chi2 += (counts[k] - e) * (counts[k] - e) / e;
        cells++;
      }
    }
    // chi-square with about `cells - 1` degrees of freedom: mean cells - 1, sd sqrt(2(cells - 1))
    assertTrue(chi2 < cells - 1 + 5 * Math.sqrt(2.0 * (cells - 1)), "chi2 " + chi2 + " on " + cells);
  }

  @Test
  void meanVarianceAndTailsAreConsistent() {
    double[] p = randomProbabilities(3, 300);
    PoissonBinomial d = PoissonBinomial.of(p);
    double m = 0;
    double v = 0;
    for (int k = 0; k <= 300; k++) {
      m += k * d.pmf(k);
    }
    for (int k = 0; k <= 300; k++) {
      v += (k - m) * (k - m) * d.pmf(k);
    }
    assertEquals(d.mean(), m, 1e-10);
    assertEquals(d.variance(), v, 1e-9);
    for (int k = 0; k <= 300; k++) {
      assertEquals(1, d.cdf(k) + d.atLeast(k + 1), 1e-12);
    }
    assertEquals(0, d.cdf(-1));
    assertEquals(1, d.cdf(301));
    assertEquals(0, d.pmf(301));
  }

  @Test
  void degenerateTrialsGiveAPointMass() {
    PoissonBinomial d = PoissonBinomial.of(1, 0, 1, 1);
    assertArrayEquals(new double[] {0, 0, 0, 1, 0}, d.pmf());
    CountInterval i = d.interval(0.8);
    assertEquals(3, i.lower());
    assertEquals(3, i.upper());
    assertEquals(1, i.coverage(), 1e-15);
    assertEquals(0, PoissonBinomial.of().trials());
    assertEquals(1, PoissonBinomial.of().pmf(0));
  }

  @Test
  void interval_isEqualTailedAndCoversAtLeastTheLevel() {
    PoissonBinomial d = PoissonBinomial.of(randomProbabilities(5, 28));
    for (double level : new double[] {0.5, 0.8, 0.9, 0.95}) {
      CountInterval i = d.interval(level);
      double tail = (1 - level) / 2;
      assertTrue(d.cdf(i.lower() - 1) <= tail + 1e-12);
      assertTrue(d.cdf(i.lower()) > tail, "lower is as high as allowed");
      assertTrue(d.atLeast(i.upper() + 1) <= tail + 1e-12);
      assertTrue(d.atLeast(i.upper()) > tail, "upper is as low as allowed");
      assertTrue(i.coverage() >= level - 1e-12);
      assertEquals(d.cdf(i.upper()) - d.cdf(i.lower() - 1), i.coverage(), 1e-12);
    }
    // binomial(10, 0.5): 80 % equal-tailed interval is 3..7 (P(X <= 2) = 0.0547, P(X >= 8) = 0.0547)
    double[] half = new double[10];
    java.util.Arrays.fill(half, 0.5);
    CountInterval b = PoissonBinomial.of(half).interval(0.8);
    assertEquals(3, b.lower());
    assertEquals(7, b.upper());
    assertEquals(1 - 2 * 56.0 / 1024, b.coverage(), 1e-12);
  }

  @Test
  void of_rejectsImpossibleProbabilitiesNamingTheIndex() {
    assertEquals("probabilities[1] must be a probability in [0, 1], was 1.2",
        assertThrows(IllegalArgumentException.class, () -> PoissonBinomial.of(0.5, 1.2))
            .getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> PoissonBinomial.of(Double.NaN)).getMessage().contains("NaN"));
    assertThrows(IllegalArgumentException.class, () -> PoissonBinomial.of(0.5).interval(1));
  }

  /**
   * Every probability 0 or 1, on both the direct and the FFT path: the count is certain, a point
   * mass at the number of ones with variance 0, and the interval at any level is that count.
   */
  @Test
  void certainTrials_giveAnExactPointMass_onEitherPath_property() {
    qt().withExamples(25).forAll(integers().between(0, 5000), integers().between(0, 1000),
        integers().between(1, 1000))
        .checkAssert((n, onesPerMille, seed) -> {
          UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
          double[] p = new double[n];
          int ones = 0;
          for (int i = 0; i < n; i++) {
            if (rng.nextInt(1000) < onesPerMille) {
              p[i] = 1;
              ones++;
            }
          }
          PoissonBinomial d = PoissonBinomial.of(p);
          assertEquals(1.0, d.pmf(ones), 1e-12);
          assertEquals(0.0, d.cdf(ones - 1), 1e-12);
          assertEquals(1.0, d.cdf(ones), 1e-12);
          assertEquals(ones, d.mean(), 0);
          assertEquals(0, d.variance(), 0);
          for (double v : d.pmf()) {
            assertTrue(v >= 0 && v <= 1 + 1e-12, "pmf " + v);
          }
          CountInterval i = d.interval(0.95);
          assertEquals(ones, i.lower());
          assertEquals(ones, i.upper());
          assertEquals(1, i.coverage(), 1e-12);
        });
  }
  @Test
  void trialsAndToString_describeTheDistribution() {
    PoissonBinomial d = PoissonBinomial.of(0.5, 0.5);
    assertEquals(2, d.trials());
    assertEquals("PoissonBinomial[n=2, mean=1.0, pmf=[0.25, 0.5, 0.25]]", d.toString());
    double[] twelve = new double[12];
    twelve[0] = 1;
    assertEquals("PoissonBinomial[n=11, mean=0.0, pmf=" + java.util.Arrays.toString(twelve) + "]",
        PoissonBinomial.of(new double[11]).toString());
    assertEquals("PoissonBinomial[n=12, mean=0.0, pmf=...]",
        PoissonBinomial.of(new double[12]).toString());
  }
}
