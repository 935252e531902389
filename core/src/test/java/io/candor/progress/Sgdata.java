package io.candor.progress;

import io.candor.domain.ClientId;
import io.candor.domain.ScoreScale;
import io.candor.domain.Trajectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the suddengains example data from the test resources. */
final class Sgdata {

  private Sgdata() {}

  /** The trajectories restricted to sessions {@code from..to}, in id order. */
  static List<Trajectory> trajectories(ScoreScale scale, int from, int to) {
    Map<String, List<int[]>> sessions = new LinkedHashMap<>();
    Map<String, List<Double>> scores = new LinkedHashMap<>();
    try (InputStream in = Sgdata.class.getResourceAsStream("/reference/sgdata/sgdata.csv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line = r.readLine();
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",");
        int session = Integer.parseInt(f[1]);
        if (session < from || session > to) {
          continue;
        }
        sessions.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new int[] {session});
        scores.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Trajectory> out = new ArrayList<>();
    for (String id : sessions.keySet()) {
      List<int[]> s = sessions.get(id);
      int[] ss = new int[s.size()];
      double[] xs = new double[s.size()];
      for (int i = 0; i < ss.length; i++) {
        ss[i] = s.get(i)[0];
        xs[i] = scores.get(id).get(i);
      }
      out.add(Trajectory.ofScores(ClientId.of(id), scale, ss, xs));
    }
    return out;
  }
}
