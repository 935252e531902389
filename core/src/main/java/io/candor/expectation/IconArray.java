package io.candor.expectation;

import io.candor.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The data of an icon array behind one natural-frequency statement: {@value #CELLS} cells, one
 * outcome each, filled row by row (ten rows of ten) in the order of {@link #legend()}, so that a
 * drawing of it shows the counts of the statement and is the same every time. Each outcome fills
 * exactly as many cells as its natural frequency says.
 *
 * <p>Grouping the cells (rather than scattering them) makes the counts easy to see; the report's
 * text says that nobody can tell in advance which cell anyone will be (Galesic et al. 2009; Zipkin
 * et al. 2014 on visual aids).
 *
 * <p>Immutable and thread-safe.
 *
 * @param horizon the session the statement is about
 * @param legend the outcomes shown, in fill order
 * @param counts the number of cells of each outcome of the legend (sum {@value #CELLS})
 * @param cells {@value #CELLS} outcomes, row by row
 */
public record IconArray(int horizon, List<Outcome> legend, List<Integer> counts,
    List<Outcome> cells) {

  /** Cells in every icon array (the fixed denominator). */
  public static final int CELLS = NaturalFrequency.DENOMINATOR;

  /** Cells in a row of the array. */
  public static final int ROW = 10;

  /**
   * Validates that the cells follow the legend and counts.
   *
   * @param horizon the session the statement is about
   * @param legend the outcomes shown, in fill order
   * @param counts the number of cells of each outcome of the legend (sum {@value #CELLS})
   * @param cells {@value #CELLS} outcomes, row by row
   * @throws IllegalArgumentException if sizes or order disagree
   */
  public IconArray {
    Checks.atLeast("horizon", horizon, 1);
    legend = List.copyOf(Checks.nonEmptyNoNulls("legend", legend));
    counts = List.copyOf(Checks.noNulls("counts", counts));
    cells = List.copyOf(Checks.noNulls("cells", cells));
    if (counts.size() != legend.size()) {
      throw new IllegalArgumentException("counts has " + counts.size() + " entries for "
          + legend.size() + " legend entries");
    }
    if (!cells.equals(fill(legend, counts))) {
      throw new IllegalArgumentException("cells must be the legend's outcomes in order, each "
          + "repeated its count, " + CELLS + " in all; counts were " + counts);
    }
  }

  /**
   * The array for these outcomes and counts.
   *
   * @param horizon the session
   * @param legend the outcomes in fill order
   * @param counts the count of each (sum {@value #CELLS})
   * @return the array
   * @throws IllegalArgumentException if the counts do not sum to {@value #CELLS}
   */
  public static IconArray of(int horizon, List<Outcome> legend, List<Integer> counts) {
    return new IconArray(horizon, legend, counts, fill(legend, counts));
  }

  private static List<Outcome> fill(List<Outcome> legend, List<Integer> counts) {
    Objects.requireNonNull(legend, "legend");
    List<Outcome> out = new ArrayList<>(CELLS);
    int sum = 0;
    for (int i = 0; i < Math.min(legend.size(), counts.size()); i++) {
      int c = Checks.inRange("count of " + legend.get(i), counts.get(i), 0, CELLS);
      sum += c;
      for (int k = 0; k < c; k++) {
        out.add(legend.get(i));
      }
    }
    if (sum != CELLS) {
      throw new IllegalArgumentException("icon-array counts must sum to " + CELLS + ", sum to "
          + sum);
    }
    return out;
  }

  /**
   * The outcome of a cell.
   *
   * @param row 0 to 9, top first
   * @param column 0 to 9, left first
   * @return the outcome
   * @throws IllegalArgumentException if out of range
   */
  public Outcome cell(int row, int column) {
    Checks.inRange("row", row, 0, ROW - 1);
    Checks.inRange("column", column, 0, ROW - 1);
    return cells.get(row * ROW + column);
  }

  /**
   * The number of cells of an outcome.
   *
   * @param outcome the outcome
   * @return its count, 0 when it is not in the legend
   */
  public int count(Outcome outcome) {
    int i = legend.indexOf(outcome);
    return i < 0 ? 0 : counts.get(i);
  }
}
