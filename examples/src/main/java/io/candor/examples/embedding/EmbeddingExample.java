package io.candor.examples.embedding;

import io.candor.domain.ClientId;
import io.candor.domain.Trajectory;
import io.candor.json.CandorJson;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import java.io.PrintWriter;

/**
 * The README's embedding example, compiled and run by {@code EmbeddingExampleTest} so that it
 * stays true.
 */
public final class EmbeddingExample {

  private EmbeddingExample() {}

  /** Runs the example, printing to {@code out}. */
  public static void run(PrintWriter out) {
    // README-EXAMPLE-START
    Instrument phq9 = Instruments.byId("PHQ-9");
    Trajectory t = Trajectory.ofScores(ClientId.of("client-17"), phq9,
        new int[] {0, 1, 2, 4}, new double[] {19, 17, 12, 9});   // session 3 was missed

    double latest = t.scoreAt(t.size() - 1);
    out.println("In the clinical range now? " + phq9.isCase(latest));                    // false
    out.println("Severity band: " + phq9.band(latest).orElseThrow().label());            // mild
    out.println("Improvement so far: " + phq9.improvement(t.scoreAt(0), latest) + " points"); // 10.0
    out.println("Reliable change needs " + phq9.reliableChange().orElseThrow());         // 6 [NHS ...]

    String json = CandorJson.toJson(t);                        // versioned, documented wire format
    Trajectory back = CandorJson.fromJson(json, Trajectory.class);
    out.println("Round trip exact? " + back.equals(t));                                  // true
    // README-EXAMPLE-END
    out.flush();
  }

  /** Runs the example on standard output. */
  public static void main(String[] args) {
    run(new PrintWriter(System.out, true));
  }
}
