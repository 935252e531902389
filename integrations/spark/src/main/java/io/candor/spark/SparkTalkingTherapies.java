package io.candor.spark;

import io.candor.change.PairedMeasures;
import io.candor.change.TalkingTherapies;
import io.candor.change.TalkingTherapiesCounts;
import io.candor.change.TalkingTherapiesRates;
import io.candor.domain.Trajectory;
import io.candor.json.CandorJson;
import io.candor.measure.Instrument;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * NHS Talking Therapies metrics over a long-format Dataset holding a depression and an anxiety
 * measure per client (a scale column tells them apart). Each client's episode is built by {@link
 * #episode(Trajectory, Trajectory)}, its outcome by {@link TalkingTherapies#outcome}, and the
 * per-partition {@link TalkingTherapiesCounts} are added up: the rates equal {@link
 * TalkingTherapies#rates} of the same episodes exactly.
 *
 * <p>Stateless and thread-safe.
 */
public final class SparkTalkingTherapies {

  private SparkTalkingTherapies() {}

  /**
   * The rates, and the clients left out because they lack one of the two measures.
   *
   * @param rates rates of the clients with both measures
   * @param clientsWithoutBoth clients with scores on only one of the two measures (counted, not
   *     silently dropped)
   */
  public record Result(TalkingTherapiesRates rates, long clientsWithoutBoth) {
    /**
     * Checks for nulls.
     *
     * @param rates rates of the clients with both measures
     * @param clientsWithoutBoth clients with scores on only one of the two measures (counted, not silently dropped)
     */
    public Result {
      Objects.requireNonNull(rates, "rates");
    }
  }

  /**
   * A client's episode: first and last score on each measure, and as treatment contacts the
   * number of distinct sessions from 1 on (session 0, the intake assessment, is not a treatment
   * contact) at which either measure was taken.
   *
   * @param depression the client's depression trajectory
   * @param anxiety the client's anxiety trajectory
   * @return the episode
   * @throws IllegalArgumentException if the instruments lack what the metrics need
   */
  public static PairedMeasures episode(Trajectory depression, Trajectory anxiety) {
    TreeSet<Integer> contacts = new TreeSet<>();
    for (Trajectory t : List.of(depression, anxiety)) {
      for (int i = 0; i < t.size(); i++) {
        if (t.sessionAt(i) >= 1) {
          contacts.add(t.sessionAt(i));
        }
      }
    }
    return new PairedMeasures((Instrument) depression.scale(), depression.scoreAt(0),
        depression.scoreAt(depression.size() - 1), (Instrument) anxiety.scale(),
        anxiety.scoreAt(0), anxiety.scoreAt(anxiety.size() - 1), contacts.size());
  }

  /**
   * The metrics of every client with both measures.
   *
   * @param rows long-format rows with a scale column
   * @param columns the columns, with {@link LongColumns#withScale(String)}
   * @param depression the depression instrument (rows whose scale is its id)
   * @param anxiety the anxiety instrument
   * @return the rates and the count of clients left out
   * @throws IllegalArgumentException if the columns have no scale column, a column is missing or
   *     of the wrong type, a row names another scale, or a cell is bad (naming the client)
   */
  public static Result rates(Dataset<Row> rows, LongColumns columns, Instrument depression,
      Instrument anxiety) {
    Objects.requireNonNull(columns, "columns");
    if (columns.scale().isEmpty()) {
      throw new IllegalArgumentException("the Talking Therapies metrics need a scale column"
          + " (LongColumns.withScale) to tell the depression and anxiety scores apart");
    }
    String dep = CandorJson.toJson(Objects.requireNonNull(depression, "depression"));
    String anx = CandorJson.toJson(Objects.requireNonNull(anxiety, "anxiety"));
    // fail on the driver, before any job, if an instrument lacks a caseness cutoff or RC threshold
    new PairedMeasures(depression, depression.minScore(), depression.minScore(), anxiety,
        anxiety.minScore(), anxiety.minScore(), 0);
    long[] out = Jobs.run(() -> Obs.select(rows, columns).javaRDD()
        .map(r -> Obs.of(r, columns)).groupBy(Obs::id)
        .mapPartitions(it -> {
          Instrument d = CandorJson.fromJson(dep, Instrument.class);
          Instrument a = CandorJson.fromJson(anx, Instrument.class);
          TalkingTherapiesCounts counts = TalkingTherapiesCounts.NONE;
          long without = 0;
          while (it.hasNext()) {
            scala.Tuple2<String, Iterable<Obs>> c = it.next();
            List<Obs> ds = new ArrayList<>();
            List<Obs> as = new ArrayList<>();
            for (Obs o : c._2()) {
              if (o.scale().equals(d.id())) {
                ds.add(o);
              } else if (o.scale().equals(a.id())) {
                as.add(o);
              } else {
                throw new IllegalArgumentException("client " + c._1() + " has a row on scale \""
                    + o.scale() + "\"; expected " + d.id() + " or " + a.id());
              }
            }
            if (ds.isEmpty() || as.isEmpty()) {
              without++;
              continue;
            }
            PairedMeasures m = episode(SparkAnalyses.trajectory(c._1(), ds, columns, d),
                SparkAnalyses.trajectory(c._1(), as, columns, a));
            counts = counts.plus(TalkingTherapiesCounts.of(TalkingTherapies.outcome(m)));
          }
          return List.of(new long[] {counts.episodes(), counts.finishedTreatment(),
              counts.caseAtStart(), counts.recovered(), counts.reliablyRecovered(),
              counts.reliablyImproved(), counts.reliablyDeteriorated(), without}).iterator();
        })
        .reduce((x, y) -> {
          long[] s = new long[x.length];
          for (int i = 0; i < s.length; i++) {
            s[i] = x[i] + y[i];
          }
          return s;
        }));
    TalkingTherapiesCounts counts =
        new TalkingTherapiesCounts(out[0], out[1], out[2], out[3], out[4], out[5], out[6]);
    return new Result(counts.rates(), out[7]);
  }
}
