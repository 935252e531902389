package io.candor.spark;

import io.candor.change.ChangeCategory;
import io.candor.change.ChangeContext;
import io.candor.change.ClinicalChange;
import io.candor.change.ReliableChangeMethod;
import io.candor.domain.ClientId;
import io.candor.domain.Observation;
import io.candor.domain.Trajectory;
import io.candor.json.CandorJson;
import io.candor.measure.Instrument;
import io.candor.model.survival.KaplanMeier;
import io.candor.model.survival.KaplanMeierFit;
import io.candor.progress.ChangeKind;
import io.candor.progress.Milestones;
import io.candor.progress.PersonSelection;
import io.candor.progress.SuddenChange;
import io.candor.progress.SuddenChangeSummary;
import io.candor.progress.SuddenChanges;
import io.candor.progress.SuddenGainCriteria;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Per-client analyses of a long-format Dataset, one client per task group, each client analysed
 * with Candor's own definitions: sudden gains and losses ({@link SuddenGainCriteria#detect}),
 * milestones ({@link Milestones}), the change category of the first against the last score
 * ({@link ClinicalChange#classify}) and the time to the first reliable improvement. The cohort
 * summary is added up from per-partition counts, so it equals what the single-machine functions
 * give on the same clients: the counts, the Kaplan–Meier curve ({@link KaplanMeier#fitCounts}) and
 * the change categories exactly, the means and SDs of sudden-change magnitudes to rounding (they
 * are merged from per-partition moments).
 *
 * <p>Bad input fails with an {@link IllegalArgumentException} naming the client: a missing column
 * or wrong type, a null cell, a session that is not a whole number, a session given twice, a score
 * outside the instrument's range. Clients with a single score cannot be classified; they are
 * counted in {@link CohortAnalysis#singleScore()}, not dropped.
 *
 * <p>Immutable and thread-safe.
 */
public final class SparkAnalyses {

  /** Columns of {@link #perClient(Dataset)}. */
  public static final StructType PER_CLIENT = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("observations", DataTypes.IntegerType, false)
      .add("first_session", DataTypes.IntegerType, false)
      .add("last_session", DataTypes.IntegerType, false)
      .add("first_score", DataTypes.DoubleType, false)
      .add("last_score", DataTypes.DoubleType, false)
      .add("change_category", DataTypes.StringType, true)
      .add("reliable_improvement_session", DataTypes.IntegerType, true)
      .add("recovery_session", DataTypes.IntegerType, true)
      .add("sudden_gains", DataTypes.IntegerType, false)
      .add("sudden_losses", DataTypes.IntegerType, false);

  private final Settings settings;

  private SparkAnalyses(Settings settings) {
    this.settings = settings;
  }

  /** What travels to the executors: plain, serializable descriptions of the core objects. */
  private record Settings(LongColumns columns, String instrumentJson,
      ReliableChangeMethod method, double suddenGainCutoff) implements Serializable {
    private static final long serialVersionUID = 1L;

    Instrument instrument() {
      return CandorJson.fromJson(instrumentJson, Instrument.class);
    }

    SuddenGainCriteria criteria() {
      return Double.isNaN(suddenGainCutoff) ? SuddenGainCriteria.withDefaults()
          : SuddenGainCriteria.withDefaults().withCutoff(suddenGainCutoff);
    }
  }

  /**
   * Analyses on these columns and instrument: Jacobson–Truax change categories, sudden gains by
   * Tang &amp; DeRubeis with the instrument's reliable-change threshold as the cutoff.
   *
   * @param columns the id, session and score columns
   * @param instrument the instrument the scores are on
   * @return the analyses
   */
  public static SparkAnalyses of(LongColumns columns, Instrument instrument) {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(instrument, "instrument");
    return new SparkAnalyses(new Settings(columns, CandorJson.toJson(instrument),
        ReliableChangeMethod.JACOBSON_TRUAX, Double.NaN));
  }

  /**
   * A copy classifying change with this reliable-change method.
   *
   * @param method the method
   * @return the copy
   */
  public SparkAnalyses with(ReliableChangeMethod method) {
    return new SparkAnalyses(new Settings(settings.columns, settings.instrumentJson,
        Objects.requireNonNull(method, "method"), settings.suddenGainCutoff));
  }

  /**
   * A copy detecting sudden gains with this absolute cutoff instead of the instrument's
   * reliable-change threshold ({@link SuddenGainCriteria#withCutoff(double)}).
   *
   * @param points the cutoff, &gt; 0
   * @return the copy
   * @throws IllegalArgumentException if not positive and finite
   */
  public SparkAnalyses withSuddenGainCutoff(double points) {
    SuddenGainCriteria.withDefaults().withCutoff(points);
    return new SparkAnalyses(new Settings(settings.columns, settings.instrumentJson,
        settings.method, points));
  }

  /**
   * The criteria each client's sudden gains are detected with.
   *
   * @return the criteria
   */
  public SuddenGainCriteria suddenGainCriteria() {
    return settings.criteria();
  }

  /**
   * One row per client ({@link #PER_CLIENT}): observations, first and last session and score,
   * change category (null with a single score), sessions of the first reliable improvement and
   * recovery (null when none), and the numbers of sudden gains and losses.
   *
   * @param rows long-format rows
   * @return the per-client Dataset, computed lazily
   * @throws IllegalArgumentException if a column is missing or of the wrong type (bad cells fail
   *     when the Dataset is computed, naming the client)
   */
  public Dataset<Row> perClient(Dataset<Row> rows) {
    JavaRDD<Row> out = clients(rows).map(ClientResult::toRow);
    return rows.sparkSession().createDataFrame(out, PER_CLIENT);
  }

  /**
   * The cohort summary, added up from per-partition counts.
   *
   * @param rows long-format rows
   * @return the summary
   * @throws IllegalArgumentException naming the client and column of the first bad row
   */
  public CohortAnalysis summarise(Dataset<Row> rows) {
    Tally t = Jobs.run(() -> clients(rows).treeAggregate(new Tally(), Tally::add, Tally::merge));
    if (t.clients == 0) {
      throw new IllegalArgumentException("the Dataset has no rows");
    }
    Map<ChangeCategory, Long> categories = new EnumMap<>(ChangeCategory.class);
    for (ChangeCategory c : ChangeCategory.values()) {
      categories.put(c, t.categories[c.ordinal()]);
    }
    int[] times = new int[t.km.size()];
    int[] events = new int[times.length];
    int[] censored = new int[times.length];
    int i = 0;
    for (Map.Entry<Integer, long[]> e : t.km.entrySet()) {
      times[i] = e.getKey();
      events[i] = Math.toIntExact(e.getValue()[0]);
      censored[i] = Math.toIntExact(e.getValue()[1]);
      i++;
    }
    KaplanMeierFit km = KaplanMeier.withDefaults().fitCounts(times, events, censored);
    return new CohortAnalysis(t.clients, t.single, categories, t.improved, t.recovered, km,
        t.gains.summary(ChangeKind.GAIN, t.clients), t.losses.summary(ChangeKind.LOSS, t.clients));
  }

  /** Each client's analysis (computed lazily). */
  JavaRDD<ClientResult> clients(Dataset<Row> rows) {
    Objects.requireNonNull(rows, "rows");
    Settings s = settings;
    LongColumns cols = s.columns;
    Dataset<Row> selected = Obs.select(rows, cols);
    return selected.javaRDD().map(r -> Obs.of(r, cols)).groupBy(Obs::id)
        .mapPartitions(it -> analyse(it, s));
  }

  private static Iterator<ClientResult> analyse(
      Iterator<scala.Tuple2<String, Iterable<Obs>>> it, Settings s) {
    Instrument instrument = s.instrument();
    SuddenGainCriteria criteria = s.criteria();
    ChangeContext context = ChangeContext.of(instrument);
    List<ClientResult> out = new ArrayList<>();
    while (it.hasNext()) {
      scala.Tuple2<String, Iterable<Obs>> client = it.next();
      Trajectory t = trajectory(client._1(), client._2(), s.columns, instrument);
      out.add(ClientResult.of(t, criteria, context, s.method));
    }
    return out.iterator();
  }

  /**
   * A client's trajectory from its rows, sorted by session.
   *
   * @throws IllegalArgumentException if a session repeats or a score is out of range
   */
  static Trajectory trajectory(String id, Iterable<Obs> rows, LongColumns cols,
      Instrument instrument) {
    TreeMap<Integer, Double> bySession = new TreeMap<>();
    for (Obs o : rows) {
      int session = o.session(cols);
      if (bySession.put(session, o.score()) != null) {
        throw new IllegalArgumentException("client " + id + " has session " + session
            + " twice (column " + cols.time() + "); Candor keeps one score per session");
      }
    }
    List<Observation> obs = new ArrayList<>(bySession.size());
    bySession.forEach((session, score) -> obs.add(Observation.of(session, score)));
    return Trajectory.of(ClientId.of(id), instrument, obs);
  }

  /** One client's results. */
  record ClientResult(String id, int observations, int firstSession, int lastSession,
      double firstScore, double lastScore, int category, int improvement, int recovery,
      int kmTime, boolean kmEvent, double[] gains, boolean[] gainReversals, double personGain,
      boolean personGainReversal, double[] losses, boolean[] lossReversals, double personLoss,
      boolean personLossReversal) implements Serializable {
    private static final long serialVersionUID = 1L;

    static ClientResult of(Trajectory t, SuddenGainCriteria criteria, ChangeContext context,
        ReliableChangeMethod method) {
      int n = t.size();
      int category = n < 2 ? -1
          : ClinicalChange.classify(method, t.scoreAt(0), t.scoreAt(n - 1), context).category()
              .ordinal();
      OptionalInt improvement = Milestones.reliableImprovement(t);
      OptionalInt recovery = Milestones.recovery(t);
      SuddenChanges changes = criteria.detect(t);
      List<SuddenChange> g = changes.of(ChangeKind.GAIN);
      List<SuddenChange> l = changes.of(ChangeKind.LOSS);
      SuddenChange pg = changes.select(ChangeKind.GAIN, PersonSelection.FIRST).orElse(null);
      SuddenChange pl = changes.select(ChangeKind.LOSS, PersonSelection.FIRST).orElse(null);
      return new ClientResult(t.client().value(), n, t.sessionAt(0), t.sessionAt(n - 1),
          t.scoreAt(0), t.scoreAt(n - 1), category, improvement.orElse(-1), recovery.orElse(-1),
          improvement.orElse(t.sessionAt(n - 1)), improvement.isPresent(), magnitudes(g),
          reversals(g), pg == null ? Double.NaN : pg.magnitude(), pg != null && pg.reversal(),
          magnitudes(l), reversals(l), pl == null ? Double.NaN : pl.magnitude(),
          pl != null && pl.reversal());
    }

    private static double[] magnitudes(List<SuddenChange> list) {
      return list.stream().mapToDouble(SuddenChange::magnitude).toArray();
    }

    private static boolean[] reversals(List<SuddenChange> list) {
      boolean[] out = new boolean[list.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = list.get(i).reversal();
      }
      return out;
    }

    Row toRow() {
      return RowFactory.create(id, observations, firstSession, lastSession, firstScore, lastScore,
          category < 0 ? null : ChangeCategory.values()[category].name(),
          improvement < 0 ? null : improvement, recovery < 0 ? null : recovery, gains.length,
          losses.length);
    }
  }

  /** Counts and moments, added per partition and merged. */
  static final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;
    long clients;
    long single;
    long improved;
    long recovered;
    final long[] categories = new long[ChangeCategory.values().length];
    final TreeMap<Integer, long[]> km = new TreeMap<>();
    final Changes gains = new Changes();
    final Changes losses = new Changes();

    Tally add(ClientResult r) {
      clients++;
      if (r.category() < 0) {
        single++;
      } else {
        categories[r.category()]++;
      }
      improved += r.improvement() >= 0 ? 1 : 0;
      recovered += r.recovery() >= 0 ? 1 : 0;
      km.computeIfAbsent(r.kmTime(), k -> new long[2])[r.kmEvent() ? 0 : 1]++;
      gains.add(r.gains(), r.gainReversals(), r.personGain(), r.personGainReversal());
      losses.add(r.losses(), r.lossReversals(), r.personLoss(), r.personLossReversal());
      return this;
    }

    Tally merge(Tally o) {
      clients += o.clients;
      single += o.single;
      improved += o.improved;
      recovered += o.recovered;
      for (int i = 0; i < categories.length; i++) {
        categories[i] += o.categories[i];
      }
      o.km.forEach((k, v) -> {
        long[] mine = km.computeIfAbsent(k, x -> new long[2]);
        mine[0] += v[0];
        mine[1] += v[1];
      });
      gains.merge(o.gains);
      losses.merge(o.losses);
      return this;
    }
  }

  /** Sudden changes of one kind: counts and magnitude moments, by change and by person. */
  static final class Changes implements Serializable {
    private static final long serialVersionUID = 1L;
    long with;
    long several;
    long reversalsByChange;
    long reversalsByPerson;
    final Moments byChange = new Moments();
    final Moments byPerson = new Moments();

    void add(double[] magnitudes, boolean[] reversals, double person, boolean personReversal) {
      for (int i = 0; i < magnitudes.length; i++) {
        byChange.add(magnitudes[i]);
        reversalsByChange += reversals[i] ? 1 : 0;
      }
      if (magnitudes.length > 0) {
        with++;
        several += magnitudes.length > 1 ? 1 : 0;
        byPerson.add(person);
        reversalsByPerson += personReversal ? 1 : 0;
      }
    }

    void merge(Changes o) {
      with += o.with;
      several += o.several;
      reversalsByChange += o.reversalsByChange;
      reversalsByPerson += o.reversalsByPerson;
      byChange.merge(o.byChange);
      byPerson.merge(o.byPerson);
    }

    SuddenChangeSummary summary(ChangeKind kind, long clients) {
      return new SuddenChangeSummary(kind, PersonSelection.FIRST, Math.toIntExact(clients),
          Math.toIntExact(byChange.n), Math.toIntExact(with), Math.toIntExact(several),
          Math.toIntExact(reversalsByChange), Math.toIntExact(reversalsByPerson), byChange.mean(),
          byChange.sd(), byPerson.mean(), byPerson.sd());
    }
  }

  /** Count, mean and sum of squared deviations, merged by Chan et al.'s pairwise formula. */
  static final class Moments implements Serializable {
    private static final long serialVersionUID = 1L;
    long n;
    double mean;
    double m2;

    void add(double x) {
      n++;
      double d = x - mean;
      mean += d / n;
      m2 += d * (x - mean);
    }

    void merge(Moments o) {
      if (o.n == 0) {
        return;
      }
      if (n == 0) {
        n = o.n;
        mean = o.mean;
        m2 = o.m2;
        return;
      }
      long total = n + o.n;
      double d = o.mean - mean;
      mean += d * o.n / total;
      m2 += o.m2 + d * d * ((double) n * o.n / total);
      n = total;
    }

    OptionalDouble mean() {
      return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(mean);
    }

    OptionalDouble sd() {
      return n < 2 ? OptionalDouble.empty() : OptionalDouble.of(Math.sqrt(m2 / (n - 1)));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparkAnalyses a && settings.equals(a.settings);
  }

  @Override
  public int hashCode() {
    return settings.hashCode();
  }

  @Override
  public String toString() {
    return "SparkAnalyses[" + settings.columns + ", " + settings.method + ", sudden-gain cutoff "
        + (Double.isNaN(settings.suddenGainCutoff) ? "reliable change" : settings.suddenGainCutoff)
        + "]";
  }
}
