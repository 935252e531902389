package io.candor.examples.cli;

import io.candor.domain.Trajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The session window of {@code patterns} and {@code survival} (a picocli mixin): only sessions
 * from {@code --min-session} to {@code --max-session} are analysed.
 */
final class SessionWindowOptions {

  @Option(names = "--min-session", defaultValue = "0", paramLabel = "N",
      description = "Ignore sessions before this one (default ${DEFAULT-VALUE}).")
  int minSession;

  @Option(names = "--max-session", defaultValue = "2147483647", paramLabel = "N",
      description = "Ignore sessions after this one.")
  int maxSession;

  /**
   * The trajectories cut to the window; clients with no session in it are left out.
   *
   * @throws IllegalArgumentException if the window is empty or negative, or no client has a
   *     session in it
   */
  List<Trajectory> apply(List<Trajectory> trajectories, String source) {
    if (minSession < 0) {
      throw new IllegalArgumentException("--min-session must be >= 0, was " + minSession);
    }
    if (maxSession < 0) {
      throw new IllegalArgumentException("--max-session must be >= 0, was " + maxSession);
    }
    if (minSession > maxSession) {
      throw new IllegalArgumentException(
          "--min-session " + minSession + " must not exceed --max-session " + maxSession);
    }
    return cut(trajectories, minSession, maxSession, source);
  }

  /** The trajectories cut to sessions {@code min..max}; clients with none there are left out. */
  static List<Trajectory> cut(List<Trajectory> trajectories, int minSession, int maxSession,
      String source) {
    List<Trajectory> out = new ArrayList<>(trajectories.size());
    for (Trajectory t : trajectories) {
      Optional<Trajectory> upTo = t.upToSession(maxSession);
      if (upTo.isEmpty()) {
        continue;
      }
      Trajectory u = upTo.get();
      int first = 0;
      while (first < u.size() && u.sessionAt(first) < minSession) {
        first++;
      }
      if (first < u.size()) {
        out.add(first == 0 ? u
            : Trajectory.of(u.client(), u.scale(), u.observations().subList(first, u.size())));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "no observations between sessions " + minSession + " and " + maxSession + " in " + source);
    }
    return List.copyOf(out);
  }
}
