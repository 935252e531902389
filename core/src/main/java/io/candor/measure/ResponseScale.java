package io.candor.measure;

import io.candor.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * How the answers to an instrument's items are coded and what each answer is worth: responses are
 * whole numbers from {@code min} to {@code max}, and response {@code r} is worth
 * {@code points.get(r − min)} points, or {@code r} itself when {@code points} is empty (the
 * identity, as on the ProQOL's 1–5). A reverse-keyed item is worth the points of the mirrored
 * response {@code min + max − r}.
 *
 * <p>Example: the Copenhagen Burnout Inventory codes its five answers 0–4 and maps them to 0, 25,
 * 50, 75 and 100 points ({@link #mapped(int, int, double...)}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param min lowest response code
 * @param max highest response code (above {@code min})
 * @param points the points of each response code from {@code min} to {@code max}, strictly
 *     increasing; empty for the identity
 */
public record ResponseScale(int min, int max, List<Double> points) {

  /**
   * Validates the codes and points.
   *
   * @param min lowest response code
   * @param max highest response code (above {@code min})
   * @param points the points of each response code from {@code min} to {@code max}, strictly
   *     increasing; empty for the identity
   */
  public ResponseScale {
    if (max <= min) {
      throw new IllegalArgumentException(
          "response max must be above min " + min + ", was " + max);
    }
    points = List.copyOf(Checks.noNulls("points", points));
    if (!points.isEmpty()) {
      if (points.size() != max - min + 1) {
        throw new IllegalArgumentException("points must give one value for each response "
            + min + "-" + max + " (" + (max - min + 1) + "), has " + points.size());
      }
      for (int i = 0; i < points.size(); i++) {
        Checks.finite("points[" + i + "]", points.get(i));
        if (i > 0 && !(points.get(i) > points.get(i - 1))) {
          throw new IllegalArgumentException("points must be strictly increasing; points[" + i
              + "] = " + Checks.fmt(points.get(i)) + " follows " + Checks.fmt(points.get(i - 1)));
        }
      }
    }
  }

  /**
   * Responses {@code min..max} worth their own value.
   *
   * @param min lowest response
   * @param max highest response
   * @return the scale
   */
  public static ResponseScale of(int min, int max) {
    return new ResponseScale(min, max, List.of());
  }

  /**
   * Responses {@code min..max} worth the given points, one per response in order.
   *
   * @param min lowest response code
   * @param max highest response code
   * @param points points of each response, strictly increasing
   * @return the scale
   */
  public static ResponseScale mapped(int min, int max, double... points) {
    List<Double> list = new ArrayList<>(points.length);
    for (double p : points) {
      list.add(p);
    }
    return new ResponseScale(min, max, list);
  }

  /**
   * Whether {@code response} is a valid code.
   *
   * @param response the code
   * @return {@code min <= response <= max}
   */
  public boolean contains(int response) {
    return response >= min && response <= max;
  }

  /**
   * The points of a response to an item keyed in the usual direction.
   *
   * @param response a code in {@code min..max}
   * @return the points
   * @throws IllegalArgumentException if the code is out of range
   */
  public double points(int response) {
    Checks.inRange("response", response, min, max);
    return points.isEmpty() ? response : points.get(response - min);
  }

  /**
   * The points of a response to a reverse-keyed item: those of the mirrored response
   * {@code min + max − response}.
   *
   * @param response a code in {@code min..max}
   * @return the points
   * @throws IllegalArgumentException if the code is out of range
   */
  public double reversedPoints(int response) {
    Checks.inRange("response", response, min, max);
    return points(min + max - response);
  }

  /**
   * The fewest points an item can be worth.
   *
   * @return the points of the lowest response
   */
  public double minPoints() {
    return points.isEmpty() ? min : points.get(0);
  }

  /**
   * The most points an item can be worth.
   *
   * @return the points of the highest response
   */
  public double maxPoints() {
    return points.isEmpty() ? max : points.get(points.size() - 1);
  }

  /**
   * The smallest difference between the points of two adjacent responses (1 for the identity).
   *
   * @return the step
   */
  public double step() {
    if (points.isEmpty()) {
      return 1;
    }
    double s = Double.POSITIVE_INFINITY;
    for (int i = 1; i < points.size(); i++) {
      s = Math.min(s, points.get(i) - points.get(i - 1));
    }
    return s;
  }

  @Override
  public String toString() {
    return points.isEmpty()
        ? min + "-" + max
        : min + "-" + max + " -> " + String.join("/", points.stream().map(Checks::fmt).toList());
  }
}
