package io.candor.examples.cli;

import io.candor.evidence.Citation;
import io.candor.evidence.Sourced;
import io.candor.measure.Direction;
import io.candor.measure.SeverityBand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code candor instruments} writes with {@code --json}: every built-in instrument with its
 * figures, each with its certainty and source (a citation key), and the cited sources in full.
 *
 * @param instruments the instruments, in catalog order
 * @param sources every citation the figures name
 */
public record InstrumentCatalog(List<Entry> instruments, List<Citation> sources) {

  /**
   * Validates the components.
   *
   * @param instruments the instruments, in catalog order
   * @param sources every citation the figures name
   */
  public InstrumentCatalog {
    instruments = List.copyOf(instruments);
    sources = List.copyOf(sources);
  }

  /**
   * One instrument.
   *
   * @param id the instrument's id
   * @param name its name
   * @param minScore lowest total score
   * @param maxScore highest total score
   * @param resolution the smallest step between scores
   * @param direction whether higher scores are worse or better
   * @param licence its licence
   * @param itemScoring whether Candor scores its items
   * @param figures its figures by name ({@code casenessCutoff}, {@code reliability},
   *     {@code reliableChange}, {@code clinicalMean}, ...)
   * @param bands its severity bands
   */
  public record Entry(
      String id,
      String name,
      double minScore,
      double maxScore,
      double resolution,
      Direction direction,
      String licence,
      boolean itemScoring,
      Map<String, Sourced> figures,
      List<SeverityBand> bands) {

    /**
     * Validates the components.
     *
     * @param id the instrument's id
     * @param name its name
     * @param minScore lowest total score
     * @param maxScore highest total score
     * @param resolution the smallest step between scores
     * @param direction whether higher scores are worse or better
     * @param licence its licence
     * @param itemScoring whether Candor scores its items
     * @param figures its figures by name ({@code casenessCutoff}, {@code reliability},
     *     {@code reliableChange}, {@code clinicalMean}, ...)
     * @param bands its severity bands
     */
    public Entry {
      Objects.requireNonNull(id, "id");
      figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
      bands = List.copyOf(bands);
    }
  }
}
