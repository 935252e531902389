package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ReferralsTest {

  @Test
  void poisson_hasARateAndTheSameExpectationEveryWeek() {
    Referrals r = Referrals.poisson(1.7);
    assertTrue(r.isPoisson());
    assertEquals(OptionalDouble.of(1.7), r.rate());
    assertEquals(List.of(), r.schedule());
    assertEquals(1.7, r.expected(0));
    assertEquals(1.7, r.expected(5000));
    assertEquals("Poisson(1.7 per week)", r.toString());
    r.checkWeeks(100_000);
  }

  @Test
  void schedule_givesEachWeeksCount_andCoversOnlyItsWeeks() {
    int[] weeks = {1, 0, 3};
    Referrals r = Referrals.schedule(weeks);
    weeks[0] = 9;
    assertFalse(r.isPoisson());
    assertEquals(OptionalDouble.empty(), r.rate());
    assertEquals(List.of(1, 0, 3), r.schedule(), "a copy of the array");
    assertEquals(3, r.expected(2));
    assertEquals("the referral schedule covers 3 weeks but the run has 4",
        assertThrows(IllegalArgumentException.class, () -> r.expected(3)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> r.expected(-1));
    r.checkWeeks(3);
    assertEquals("schedule[1, 0, 3]", r.toString());
    assertEquals("a referral schedule needs at least one week",
        assertThrows(IllegalArgumentException.class, () -> Referrals.schedule(new int[0])).getMessage());
  }

  @Test
  void sampler_drawsTheScheduleOrPoissonCounts() {
    Referrals.Sampler s = Referrals.schedule(4, 0, 2)
        .sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
    assertEquals(4, s.draw(0));
    assertEquals(0, s.draw(1));
    assertEquals(2, s.draw(2));
    Referrals.Sampler none = Referrals.poisson(0).sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
    Referrals.Sampler three = Referrals.poisson(3).sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
    double sum = 0;
    for (int w = 0; w < 20_000; w++) {
      assertEquals(0, none.draw(w));
      sum += three.draw(w);
    }
    // mean 3, standard error sqrt(3 / 20000) = 0.012
    assertEquals(3, sum / 20_000, 0.05);
  }

  @Test
  void valueSemantics() {
    assertEquals(Referrals.poisson(2), Referrals.poisson(2));
    assertEquals(Referrals.poisson(2).hashCode(), Referrals.poisson(2).hashCode());
    assertEquals(Referrals.schedule(1, 2).hashCode(), Referrals.schedule(1, 2).hashCode());
    assertNotEquals(Referrals.poisson(2), Referrals.poisson(3));
    assertNotEquals(Referrals.schedule(1, 2), Referrals.schedule(2, 1));
    assertNotEquals(Referrals.poisson(2).hashCode(), Referrals.poisson(3).hashCode());
    assertNotEquals(Referrals.schedule(1, 2).hashCode(), Referrals.schedule(2, 1).hashCode());
    assertNotEquals(Referrals.poisson(2), "Poisson(2 per week)");
  }
}
