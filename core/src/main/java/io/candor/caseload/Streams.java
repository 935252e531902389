package io.candor.caseload;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * Independent random streams derived from one seed: a stream per (purpose, unit), so that each
 * therapist's referrals and each therapist's clients draw from streams of their own and a result
 * does not depend on how units are spread over threads.
 *
 * <p>Derivation: the purpose and the unit pick outputs of a SplitMix64 sequence (Steele, Lea &amp;
 * Flood 2014) started at a purpose-specific mix of the seed; two outputs seed a XoRoShiRo128++
 * generator, as the simulator does for its clients.
 */
final class Streams {

  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  /** Purpose of the per-therapist referral stream (arrivals and trauma flags). */
  static final long REFERRALS = 1;

  /** Purpose of the per-therapist seed of the client simulator. */
  static final long CLIENTS = 2;

  private Streams() {}

  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long base(long seed, long purpose) {
    return mix64(seed + GOLDEN_GAMMA * purpose) ^ (purpose * 0xd1b54a32d192ed03L);
  }

  /** A seed for unit {@code unit} of purpose {@code purpose}. */
  static long seed(long seed, long purpose, long unit) {
    return mix64(base(seed, purpose) + GOLDEN_GAMMA * (2 * unit + 1));
  }

  /** A generator for unit {@code unit} of purpose {@code purpose}. */
  static UniformRandomProvider stream(long seed, long purpose, long unit) {
    long b = base(seed, purpose);
    return new XoRoShiRo128PlusPlus(mix64(b + GOLDEN_GAMMA * (2 * unit + 1)),
        mix64(b + GOLDEN_GAMMA * (2 * unit + 2)));
  }
}
