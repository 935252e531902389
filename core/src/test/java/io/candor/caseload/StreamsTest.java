package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamsTest {

  /** mix64 is SplitMix64's finaliser: these are SplitMix64's first three outputs from seed 0. */
  @Test
  void mix64_isTheSplitMix64Finaliser() {
    long gamma = 0x9e3779b97f4a7c15L;
    assertEquals(0xe220a8397b1dcdafL, Streams.mix64(gamma));
    assertEquals(0x6e789e6aa1b965f4L, Streams.mix64(2 * gamma));
    assertEquals(0x06c45d188009454fL, Streams.mix64(3 * gamma));
  }

  @Test
  void eachSeedPurposeAndUnit_getsItsOwnSeedAndStream() {
    Set<Long> seeds = new HashSet<>();
    Set<Long> firsts = new HashSet<>();
    for (long seed : new long[] {0, 1, 2}) {
      for (long purpose : new long[] {Streams.REFERRALS, Streams.CLIENTS}) {
        for (long unit = 0; unit < 50; unit++) {
          seeds.add(Streams.seed(seed, purpose, unit));
          firsts.add(Streams.stream(seed, purpose, unit).nextLong());
        }
      }
    }
    assertEquals(300, seeds.size());
    assertEquals(300, firsts.size());
    assertEquals(Streams.stream(7, Streams.CLIENTS, 3).nextLong(),
        Streams.stream(7, Streams.CLIENTS, 3).nextLong());
    assertNotEquals(0, Streams.seed(0, Streams.REFERRALS, 0));
  }
}
