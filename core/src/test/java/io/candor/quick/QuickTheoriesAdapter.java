package io.candor.quick;

import org.apache.commons.rng.UniformRandomProvider;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Wraps a framework-neutral Candor {@link io.candor.testing.Gen} as a QuickTheories generator.
 *
 * <p>The Candor generator draws from a {@link UniformRandomProvider} whose every bounded draw is a
 * QuickTheories draw with the same bounds, so QuickTheories records, replays and shrinks each
 * decision (toward the lower bound: fewer sessions, smaller scores, earlier shapes).
 */
public final class QuickTheoriesAdapter {

  private QuickTheoriesAdapter() {}

  /** The QuickTheories generator for a Candor generator. */
  public static <T> Gen<T> quick(io.candor.testing.Gen<T> gen) {
    return in -> gen.generate(new SourceProvider(in));
  }

  /** A random provider that draws from QuickTheories' randomness source. */
  static final class SourceProvider implements UniformRandomProvider {
    private static final long DOUBLE_STEPS = 1L << 53;
    private final RandomnessSource in;

    SourceProvider(RandomnessSource in) {
      this.in = in;
    }

    @Override
    public long nextLong() {
      return in.next(Constraint.none());
    }

    @Override
    public int nextInt() {
      return (int) in.next(Constraint.between(Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    @Override
    public int nextInt(int n) {
      if (n <= 0) {
        throw new IllegalArgumentException("n must be > 0, was " + n);
      }
      return (int) in.next(Constraint.between(0, n - 1L));
    }

    @Override
    public long nextLong(long n) {
      if (n <= 0) {
        throw new IllegalArgumentException("n must be > 0, was " + n);
      }
      return in.next(Constraint.between(0, n - 1));
    }

    @Override
    public boolean nextBoolean() {
      return in.next(Constraint.between(0, 1)) == 1;
    }

    @Override
    public double nextDouble() {
      return in.next(Constraint.between(0, DOUBLE_STEPS - 1)) * 0x1.0p-53;
    }
  }
}
