package io.candor.internal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Unmodifiable {@link List} views over private primitive arrays, so that result records can expose
 * {@code List<Double>} / {@code List<Integer>} components (which Jackson serialises as arrays)
 * without boxing a million values at construction. Values are boxed only when read.
 *
 * <p>Not part of the API (the package is not exported).
 */
public final class PrimitiveLists {

  private PrimitiveLists() {}

  /** An unmodifiable list over a copy of {@code values}. */
  public static List<Double> copyOf(double[] values) {
    return new Doubles(values.clone());
  }

  /** An unmodifiable list over {@code values}, which the caller promises never to change again. */
  public static List<Double> wrap(double[] values) {
    return new Doubles(values);
  }

  /** An unmodifiable list over a copy of {@code values}. */
  public static List<Integer> copyOf(int[] values) {
    return new Ints(values.clone());
  }

  /** An unmodifiable list over {@code values}, which the caller promises never to change again. */
  public static List<Integer> wrap(int[] values) {
    return new Ints(values);
  }

  /**
   * Returns {@code list} itself when it is already one of these unmodifiable views, otherwise an
   * unmodifiable copy. Throws {@link NullPointerException} naming {@code name} for a null list or
   * element.
   */
  public static List<Double> doubles(String name, List<Double> list) {
    Objects.requireNonNull(list, name);
    if (list instanceof Doubles) {
      return list;
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Objects.requireNonNull(list.get(i), name + "[" + i + "]");
    }
    return new Doubles(out);
  }

  /** As {@link #doubles(String, List)} for integers. */
  public static List<Integer> ints(String name, List<Integer> list) {
    Objects.requireNonNull(list, name);
    if (list instanceof Ints) {
      return list;
    }
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Objects.requireNonNull(list.get(i), name + "[" + i + "]");
    }
    return new Ints(out);
  }

  /** A copy of the values as a primitive array. */
  public static double[] toArray(List<Double> list) {
    if (list instanceof Doubles) {
      return ((Doubles) list).values.clone();
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  /** A copy of the values as a primitive array. */
  public static int[] toIntArray(List<Integer> list) {
    if (list instanceof Ints) {
      return ((Ints) list).values.clone();
    }
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  private static final class Doubles extends AbstractList<Double> implements RandomAccess {
    private final double[] values;

    Doubles(double[] values) {
      this.values = values;
    }

    @Override
    public Double get(int index) {
      return values[index];
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public boolean equals(Object o) {
      if (o instanceof Doubles) {
        return Arrays.equals(values, ((Doubles) o).values);
      }
      return super.equals(o);
    }

    @Override
    public int hashCode() {
      return super.hashCode();
    }
  }

  private static final class Ints extends AbstractList<Integer> implements RandomAccess {
    private final int[] values;

    Ints(int[] values) {
      this.values = values;
    }

    @Override
    public Integer get(int index) {
      return values[index];
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public boolean equals(Object o) {
      if (o instanceof Ints) {
        return Arrays.equals(values, ((Ints) o).values);
      }
      return super.equals(o);
    }

    @Override
    public int hashCode() {
      return super.hashCode();
    }
  }
}
