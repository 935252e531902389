package io.candor.internal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.RandomAccess;

/**
 * Unmodifiable {@link List} views over private primitive arrays, so that result records can expose
 * {@code List<Double>} / {@code List<Integer>} / {@code List<OptionalDouble>} components (which
 * Jackson serialises as arrays) without boxing a million values at construction. Values are boxed
 * only when read. (Guava's {@code ImmutableDoubleArray.asList()} would do the first part, but a
 * record's compact constructor cannot recognise such a view and keep it without copying it
 * element by element, boxed.)
 *
 * <p>Not part of the API (the package is not exported).
 */
public final class PrimitiveLists {

  private PrimitiveLists() {}

  /** An unmodifiable list over {@code values}, which the caller promises never to change again. */
  public static List<Double> wrap(double[] values) {
    return new Doubles(values);
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

  /**
   * An unmodifiable list of optional values over {@code values}, in which NaN stands for an empty
   * value; the caller promises never to change the array again. The NaN stays inside: readers
   * see {@link OptionalDouble#empty()}.
   */
  public static List<OptionalDouble> wrapOptional(double[] values) {
    return new Optionals(values);
  }

  /**
   * As {@link #doubles(String, List)} for optional values; a present value must be finite or
   * infinite, not NaN.
   */
  public static List<OptionalDouble> optionals(String name, List<OptionalDouble> list) {
    Objects.requireNonNull(list, name);
    if (list instanceof Optionals) {
      return list;
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      OptionalDouble v = Objects.requireNonNull(list.get(i), name + "[" + i + "]");
      if (v.isPresent() && Double.isNaN(v.getAsDouble())) {
        throw new IllegalArgumentException(name + "[" + i + "] must be a number or empty, was NaN");
      }
      out[i] = v.isPresent() ? v.getAsDouble() : Double.NaN;
    }
    return new Optionals(out);
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

  private static final class Optionals extends AbstractList<OptionalDouble> implements RandomAccess {
    private final double[] values;

    Optionals(double[] values) {
      this.values = values;
    }

    @Override
    public OptionalDouble get(int index) {
      double v = values[index];
      return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public boolean equals(Object o) {
      if (o instanceof Optionals) {
        return Arrays.equals(values, ((Optionals) o).values);
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
