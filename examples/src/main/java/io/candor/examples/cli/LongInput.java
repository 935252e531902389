package io.candor.examples.cli;

import io.candor.domain.ClientId;
import io.candor.domain.Cohort;
import io.candor.domain.Trajectory;
import io.candor.json.LongCsv;
import io.candor.json.LongTable;
import io.candor.measure.Instrument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Long-format input shared by the {@code patterns} and {@code survival} commands: reads the CSV
 * strictly (errors name file, line and column), builds one trajectory per client on the
 * instrument, optionally keeps only sessions in a range, and reads one client-level text attribute.
 */
final class LongInput {

  final List<Trajectory> trajectories;
  final Map<ClientId, String> attribute;

  private LongInput(List<Trajectory> trajectories, Map<ClientId, String> attribute) {
    this.trajectories = trajectories;
    this.attribute = attribute;
  }

  static LongInput read(
      Path file, String id, String time, String score, Instrument instrument,
      Optional<String> attributeColumn, int minSession, int maxSession) {
    return read(
        r -> LongCsv.read(file, r), file.toString(), id, time, score, instrument, attributeColumn,
        minSession, maxSession);
  }

  static LongInput read(
      java.util.function.Function<LongCsv.Columns, LongTable> reader, String file, String id,
      String time, String score, Instrument instrument, Optional<String> attributeColumn,
      int minSession, int maxSession) {
    if (minSession > maxSession) {
      throw new IllegalArgumentException(
          "--min-session " + minSession + " must not exceed --max-session " + maxSession);
    }
    LongCsv.Columns cols = LongCsv.columns(id, time, score);
    if (attributeColumn.isPresent()) {
      cols = cols.withAttributes(attributeColumn.get());
    }
    LongTable table = reader.apply(cols);
    if (table.size() == 0) {
      throw new IllegalArgumentException(file + " has a header but no rows");
    }
    Map<ClientId, String> attr = new LinkedHashMap<>();
    if (attributeColumn.isPresent()) {
      String[] values = table.attribute(attributeColumn.get());
      for (int r = 0; r < table.size(); r++) {
        ClientId c = ClientId.of(table.idAt(r));
        String v = values[r].isBlank() ? "(missing)" : values[r].strip();
        String before = attr.putIfAbsent(c, v);
        if (before != null && !before.equals(v)) {
          throw new IllegalArgumentException(
              table.source() + " line " + table.lineAt(r) + ", column " + attributeColumn.get()
                  + ": client " + c + " has \"" + v + "\" here but \"" + before
                  + "\" earlier; a grouping column must be constant within a client");
        }
      }
    }
    Cohort cohort = table.toCohort(instrument);
    List<Trajectory> out = new ArrayList<>();
    for (Trajectory t : cohort.trajectories()) {
      Optional<Trajectory> upTo = t.upToSession(maxSession);
      if (upTo.isEmpty()) {
        continue;
      }
      Trajectory u = upTo.get();
      int first = 0;
      while (first < u.size() && u.sessionAt(first) < minSession) {
        first++;
      }
      if (first == u.size()) {
        continue;
      }
      out.add(first == 0 ? u : Trajectory.of(u.client(), u.scale(), u.observations().subList(first, u.size())));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "no observations between sessions " + minSession + " and " + maxSession + " in " + file);
    }
    return new LongInput(List.copyOf(out), attr);
  }
}
