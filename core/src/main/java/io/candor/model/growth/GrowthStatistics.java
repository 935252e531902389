package io.candor.model.growth;

import io.candor.domain.ScoreScale;
import java.util.List;

/**
 * The sufficient statistics of a growth model's data, wherever they are held: what {@link
 * GrowthModel#fit(GrowthStatistics)} needs, so that the rows themselves never have to be in this
 * JVM. Candor's own {@link GrowthModel#fit(GrowthData)} uses an in-memory implementation;
 * candor-spark implements it over cached {@link GrowthBlock}s on a cluster, where each call of
 * {@link #criterionTerms(double[])} is one aggregate over the blocks.
 *
 * <p>To give the same fit to the last bit, an implementation must (1) split the clients into
 * buckets by {@link GrowthRows#bucket(String)} and hold each bucket's rows as one {@link
 * GrowthRows}; (2) centre the outcome with {@link GrowthRows#centre(java.util.SortedMap)}; (3) build
 * each bucket's {@link GrowthBlock} with that centre; and (4) combine the blocks' parts with {@link
 * GrowthBlock#mergeTotals(java.util.SortedMap)} and {@link GrowthBlock#sumTerms(java.util.SortedMap)}
 * (both go in increasing bucket order).
 */
public interface GrowthStatistics {

  /**
   * The model the blocks were built for (its design decides their contents).
   *
   * @return the model
   */
  GrowthModel model();

  /**
   * The scale the scores are on, recorded in the fit (an instrument, or {@link
   * ScoreScale#unbounded(String)} {@code outcome} when none was stated).
   *
   * @return the scale
   */
  ScoreScale scale();

  /**
   * The centre the outcome was centred on (the mean outcome).
   *
   * @return the centre
   */
  double centre();

  /**
   * The merged totals of all blocks.
   *
   * @return the totals (see {@link GrowthBlock#totals()})
   */
  double[] totals();

  /**
   * The summed criterion terms of all blocks at θ.
   *
   * @param theta the relative covariance factor
   * @return the sum (see {@link GrowthBlock#criterionTerms(double[])})
   */
  double[] criterionTerms(double[] theta);

  /**
   * Every client's predicted random effects at the optimum, or an empty list when they stay where
   * the statistics are (a distributed implementation offers them there instead).
   *
   * @param theta the fitted θ
   * @param betaCentred the fixed effects for the centred outcome
   * @param sigma2 the residual variance
   * @return the effects, in any order the implementation documents
   */
  List<ClientEffects> clientEffects(double[] theta, double[] betaCentred, double sigma2);
}
