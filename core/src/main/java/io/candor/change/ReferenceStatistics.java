package io.candor.change;

import io.candor.internal.Checks;
import java.util.Objects;

/**
 * Sample statistics of a paired pre/post data set that some reliable-change methods need: the
 * pre-treatment mean and SD (Gulliksen–Lord–Novick, Hsu–Linn–Lord, Edwards–Nunnally, NK,
 * Hageman–Arrindell, and Jacobson–Truax when the sample SD is used), the post-treatment mean
 * (Hsu–Linn–Lord, Hageman–Arrindell), the post-treatment SD and the pre–post correlation
 * (Hageman–Arrindell).
 *
 * <p>{@link #of(double[], double[])} computes them as R does: arithmetic means, sample standard
 * deviations with the {@code n − 1} denominator ({@code sd()}), and the Pearson correlation
 * ({@code cor()}), so that results match the {@code clinicalsignificance} R package (Claus, Wager
 * &amp; Bonnet 2024), which takes these statistics from the analysed sample.
 *
 * <p>Immutable and thread-safe.
 *
 * @param preMean mean of the pre-treatment scores
 * @param preSd SD of the pre-treatment scores (&gt; 0)
 * @param postMean mean of the post-treatment scores
 * @param postSd SD of the post-treatment scores (&gt; 0)
 * @param correlation Pearson correlation of pre and post scores, in [−1, 1]
 * @param n number of pairs the statistics come from (at least 2; 0 is not allowed)
 */
public record ReferenceStatistics(
    double preMean, double preSd, double postMean, double postSd, double correlation, int n) {

  /**
   * Validates the statistics (finite, SDs &gt; 0, correlation in [−1, 1], n ≥ 2).
   *
   * @param preMean mean of the pre-treatment scores
   * @param preSd SD of the pre-treatment scores (&gt; 0)
   * @param postMean mean of the post-treatment scores
   * @param postSd SD of the post-treatment scores (&gt; 0)
   * @param correlation Pearson correlation of pre and post scores, in [−1, 1]
   * @param n number of pairs the statistics come from (at least 2; 0 is not allowed)
   */
  public ReferenceStatistics {
    Checks.finite("preMean", preMean);
    Checks.positive("preSd", preSd);
    Checks.finite("postMean", postMean);
    Checks.positive("postSd", postSd);
    Checks.inRange("correlation", correlation, -1, 1);
    Checks.atLeast("n", n, 2);
  }

  /**
   * Computes the statistics from paired scores ({@code pre[i]} and {@code post[i]} belong to the same
   * client).
   *
   * @param pre the pre-treatment scores, at least two
   * @param post the post-treatment scores, {@code post[i]} of the same client as {@code pre[i]}
   * @return the statistics
   * @throws IllegalArgumentException if the arrays differ in length, hold fewer than 2 pairs, hold a
   *     non-finite value, or either has no spread (SD 0)
   */
  public static ReferenceStatistics of(double[] pre, double[] post) {
    Objects.requireNonNull(pre, "pre");
    Objects.requireNonNull(post, "post");
    if (pre.length != post.length) {
      throw new IllegalArgumentException(
          "pre and post must have the same length (paired scores), were " + pre.length + " and "
              + post.length);
    }
    if (pre.length < 2) {
      throw new IllegalArgumentException("at least 2 pairs are needed, was " + pre.length);
    }
    Checks.allFinite("pre", pre);
    Checks.allFinite("post", post);
    int n = pre.length;
    double mx = mean(pre);
    double my = mean(post);
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      double dx = pre[i] - mx;
      double dy = post[i] - my;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }
    if (!(sxx > 0)) {
      throw new IllegalArgumentException("pre scores have no spread (SD 0); the methods need SD > 0");
    }
    if (!(syy > 0)) {
      throw new IllegalArgumentException("post scores have no spread (SD 0); the methods need SD > 0");
    }
    double r = sxy / Math.sqrt(sxx * syy);
    r = Math.max(-1, Math.min(1, r));
    return new ReferenceStatistics(
        mx, Math.sqrt(sxx / (n - 1)), my, Math.sqrt(syy / (n - 1)), r, n);
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    double m = s / x.length;
    // one correction pass, as R's mean() does
    double c = 0;
    for (double v : x) {
      c += v - m;
    }
    return m + c / x.length;
  }
}
