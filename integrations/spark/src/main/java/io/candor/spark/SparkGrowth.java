package io.candor.spark;

import io.candor.domain.ScoreScale;
import io.candor.json.CandorJson;
import io.candor.measure.Instrument;
import io.candor.model.growth.ClientEffects;
import io.candor.model.growth.GrowthBlock;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.GrowthRows;
import io.candor.model.growth.GrowthStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Fits a {@link GrowthModel} to a long-format Dataset without collecting its rows. The rows are
 * grouped once into {@link GrowthRows#BUCKETS} buckets of clients ({@link GrowthRows#bucket}), the
 * outcome's mean is added up bucket by bucket, and each bucket becomes one cached {@link
 * GrowthBlock} of per-client sufficient statistics. Every evaluation of the profiled criterion is
 * then one aggregate over the cached blocks: each returns a few dozen numbers, added up on the
 * driver in bucket order, exactly as {@link GrowthModel#fit(io.candor.model.growth.GrowthData)}
 * adds them on one machine. The fit therefore equals the single-machine fit of the same rows to the
 * last bit (the tests check 1e-9), for any number of partitions.
 *
 * <p>Each evaluation is a Spark job: expect a few hundred of them for a random slope (BOBYQA),
 * about sixty for a random intercept. The statistics hold about {@code 8 (q² + qp + q + 1)} bytes
 * per client (q random effects, p fixed effects), whatever the number of rows.
 *
 * <p>Stateless and thread-safe.
 */
public final class SparkGrowth {

  private SparkGrowth() {}

  /**
   * A distributed fit: the fit, with its client effects (BLUPs) kept on the cluster.
   *
   * @param fit the fit; {@link GrowthFit#clientEffects()} is empty
   * @param clientEffects the BLUPs as rows ({@code client, observations, intercept, slope,
   *     intercept_variance, slope_variance, covariance}), computed lazily from the statistics
   */
  public record Fit(GrowthFit fit, Dataset<Row> clientEffects) {
    /**
     * Checks for nulls.
     *
     * @param fit the fit; {@link GrowthFit#clientEffects()} is empty
     * @param clientEffects the BLUPs as rows ({@code client, observations, intercept, slope, intercept_variance, slope_variance, covariance}), computed lazily from the statistics
     */
    public Fit {
      Objects.requireNonNull(fit, "fit");
      Objects.requireNonNull(clientEffects, "clientEffects");
    }
  }

  /**
   * Fits the model. Time is the session column (any finite number); covariates are the model's,
   * read from columns of the same names, constant within a client.
   *
   * @param rows long-format rows
   * @param columns the id, time and score columns (covariate columns are the model's names)
   * @param model the model
   * @return the fit and the client effects
   * @throws IllegalArgumentException if a column is missing or of the wrong type, a cell is null,
   *     a covariate varies within a client, or the model cannot be identified (as {@link
   *     GrowthModel#fit(GrowthStatistics)})
   */
  public static Fit fit(Dataset<Row> rows, LongColumns columns, GrowthModel model) {
    return fitOn(rows, columns, model, null);
  }

  /**
   * Fits the model to scores on an instrument: every score is checked against its range (a score
   * outside fails naming the client and time) and the fit records the instrument as its scale, as
   * {@link io.candor.model.growth.GrowthData#withScale} does on one machine.
   *
   * @param rows long-format rows
   * @param columns the id, time and score columns
   * @param model the model
   * @param instrument the instrument the scores are on
   * @return the fit and the client effects
   * @throws IllegalArgumentException as {@link #fit(Dataset, LongColumns, GrowthModel)}, or if a
   *     score is outside the instrument's range
   */
  public static Fit fit(Dataset<Row> rows, LongColumns columns, GrowthModel model,
      Instrument instrument) {
    return fitOn(rows, columns, model, Objects.requireNonNull(instrument, "instrument"));
  }

  private static Fit fitOn(Dataset<Row> rows, LongColumns columns, GrowthModel model,
      ScoreScale scale) {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(model, "model");
    String instrumentJson = scale == null ? null : CandorJson.toJson((Instrument) scale);
    LongColumns cols = Objects.requireNonNull(columns, "columns").onlyCovariates(model.covariates());
    List<String> names = model.covariates();
    JavaPairRDD<Integer, GrowthRows> buckets = Obs.select(rows, cols).javaRDD()
        .map(r -> Obs.of(r, cols))
        .groupBy(o -> GrowthRows.bucket(o.id()))
        .mapValues(obs -> rowsOf(obs, names, instrumentJson))
        .persist(StorageLevel.MEMORY_ONLY());
    try {
      double centre = GrowthRows.centre(byBucket(Jobs.run(() -> buckets
          .mapValues(g -> new double[] {g.scoreSum(), g.size()}).collect())));
      JavaPairRDD<Integer, GrowthBlock> blocks = buckets
          .mapValues(g -> g.statistics(model, centre)).persist(StorageLevel.MEMORY_ONLY());
      Distributed statistics = new Distributed(model, centre, blocks,
          scale == null ? ScoreScale.unbounded("outcome") : scale);
      GrowthFit fit = model.fit(statistics);
      double[] betaCentred = fit.beta().clone();
      betaCentred[0] -= centre;
      double[] theta = fit.theta();
      double sigma2 = fit.residualSd() * fit.residualSd();
      Dataset<Row> effects = rows.sparkSession().createDataFrame(
          blocks.values().flatMap(b -> b.clientEffects(theta, betaCentred, sigma2).stream()
              .map(SparkGrowth::row).iterator()), EFFECTS);
      return new Fit(fit, effects);
    } finally {
      buckets.unpersist(false);
    }
  }

  static final org.apache.spark.sql.types.StructType EFFECTS =
      new org.apache.spark.sql.types.StructType()
          .add("client", org.apache.spark.sql.types.DataTypes.StringType, false)
          .add("observations", org.apache.spark.sql.types.DataTypes.IntegerType, false)
          .add("intercept", org.apache.spark.sql.types.DataTypes.DoubleType, false)
          .add("slope", org.apache.spark.sql.types.DataTypes.DoubleType, false)
          .add("intercept_variance", org.apache.spark.sql.types.DataTypes.DoubleType, false)
          .add("slope_variance", org.apache.spark.sql.types.DataTypes.DoubleType, false)
          .add("covariance", org.apache.spark.sql.types.DataTypes.DoubleType, false);

  private static Row row(ClientEffects e) {
    return org.apache.spark.sql.RowFactory.create(e.client(), e.observations(), e.intercept(),
        e.slope(), e.interceptVariance(), e.slopeVariance(), e.covariance());
  }

  /** Collected (bucket, part) pairs keyed by bucket, for core's bucket-ordered sums. */
  private static TreeMap<Integer, double[]> byBucket(List<Tuple2<Integer, double[]>> parts) {
    TreeMap<Integer, double[]> map = new TreeMap<>();
    for (Tuple2<Integer, double[]> t : parts) {
      map.put(t._1(), t._2());
    }
    return map;
  }

  private static GrowthRows rowsOf(Iterable<Obs> obs, List<String> names, String instrumentJson) {
    List<Obs> list = new ArrayList<>();
    obs.forEach(list::add);
    Instrument instrument =
        instrumentJson == null ? null : CandorJson.fromJson(instrumentJson, Instrument.class);
    int n = list.size();
    String[] ids = new String[n];
    double[] t = new double[n];
    double[] y = new double[n];
    double[][] cov = new double[names.size()][n];
    for (int i = 0; i < n; i++) {
      Obs o = list.get(i);
      ids[i] = o.id();
      t[i] = o.time();
      y[i] = o.score();
      if (instrument != null) {
        instrument.checkScore("score of client " + o.id() + " at time " + o.time(), y[i]);
      }
      for (int k = 0; k < names.size(); k++) {
        cov[k][i] = o.covariates()[k];
      }
    }
    return GrowthRows.of(ids, t, y, names, cov);
  }

  /** The statistics held as cached blocks on the cluster. */
  private static final class Distributed implements GrowthStatistics {
    private final GrowthModel model;
    private final double centre;
    private final JavaPairRDD<Integer, GrowthBlock> blocks;
    private final ScoreScale scale;

    Distributed(GrowthModel model, double centre, JavaPairRDD<Integer, GrowthBlock> blocks,
        ScoreScale scale) {
      this.model = model;
      this.centre = centre;
      this.blocks = blocks;
      this.scale = scale;
    }

    @Override
    public ScoreScale scale() {
      return scale;
    }

    @Override
    public GrowthModel model() {
      return model;
    }

    @Override
    public double centre() {
      return centre;
    }

    @Override
    public double[] totals() {
      return GrowthBlock.mergeTotals(byBucket(Jobs.run(
          () -> blocks.mapValues(GrowthBlock::totals).collect())));
    }

    @Override
    public double[] criterionTerms(double[] theta) {
      double[] th = theta.clone();
      return GrowthBlock.sumTerms(byBucket(Jobs.run(
          () -> blocks.mapValues(b -> b.criterionTerms(th)).collect())));
    }

    @Override
    public List<ClientEffects> clientEffects(double[] theta, double[] betaCentred, double sigma2) {
      return List.of();
    }
  }
}
