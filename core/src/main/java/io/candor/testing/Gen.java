package io.candor.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A generator of valid values, driven by an explicit random source. Framework-neutral: wrap it for
 * your property-testing library (see the README), or call it directly with a seeded
 * {@link UniformRandomProvider}.
 *
 * <p>Generators draw every random decision from the provider they are given, so a
 * property-testing framework that controls (and shrinks) the provider's output shrinks the
 * generated values too.
 *
 * @param <T> the generated type
 */
@FunctionalInterface
public interface Gen<T> {

  /**
   * Generates one value.
   *
   * @param rng the source of every random decision
   * @return the value
   */
  T generate(UniformRandomProvider rng);

  /**
   * A generator of {@code f} applied to this generator's values.
   *
   * @param <R> the type of the mapped values
   * @param f the function applied to every generated value
   * @return a generator of {@code f} applied to this generator's values
   */
  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    Objects.requireNonNull(f, "f");
    return rng -> f.apply(generate(rng));
  }

  /**
   * A generator of lists of 0 to {@code maxSize} values.
   *
   * @param maxSize the largest size, at least 0
   * @return a generator of lists of 0 to {@code maxSize} values
   */
  default Gen<List<T>> list(int maxSize) {
    if (maxSize < 0) {
      throw new IllegalArgumentException("maxSize must be >= 0, was " + maxSize);
    }
    return rng -> {
      int n = rng.nextInt(maxSize + 1);
      List<T> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(generate(rng));
      }
      return out;
    };
  }

  /**
   * {@code n} values from one random source (a convenience for examples and tests).
   *
   * @param rng the source of every random decision
   * @param n how many values, at least 0
   * @return the values
   */
  default List<T> sample(UniformRandomProvider rng, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(generate(rng));
    }
    return out;
  }
}
