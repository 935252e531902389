package io.candor.measure;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Invariants of multi-scale scoring on random answers: every score lies in its scale's range and
 * on its grid; answering every item the other way round mirrors each unreversed sum scale; a
 * reverse-keyed item moves its scale the other way; scoring with missing items never fails
 * within the rule and always fails beyond it.
 */
class MultiScaleInstrumentPropertiesTest {

  private static final List<MultiScaleInstrument> KEYED = List.of(MultiScaleInstruments.PROQOL5,
      MultiScaleInstruments.CBI, MultiScaleInstruments.STSS);

  @Test
  void everyScoreLiesInRangeAndOnTheGrid() {
    for (MultiScaleInstrument inst : KEYED) {
      ResponseScale r = inst.responses();
      qt().forAll(lists().of(integers().between(r.min(), r.max())).ofSize(inst.items()))
          .checkAssert(answers -> {
            int[] a = answers.stream().mapToInt(Integer::intValue).toArray();
            for (ScaleScore s : inst.score(a).scales()) {
              Subscale scale = inst.scale(s.scale());
              scale.ofScore(s.score()); // throws when out of range or off the grid
            }
          });
    }
  }

  @Test
  void mirroredAnswersMirrorEveryScale() {
    for (MultiScaleInstrument inst : KEYED) {
      ResponseScale r = inst.responses();
      qt().forAll(lists().of(integers().between(r.min(), r.max())).ofSize(inst.items()))
          .checkAssert(answers -> {
            int[] a = answers.stream().mapToInt(Integer::intValue).toArray();
            int[] m = answers.stream().mapToInt(x -> r.min() + r.max() - x).toArray();
            ScaleScores s = inst.score(a);
            ScaleScores t = inst.score(m);
            for (ScaleScore x : s.scales()) {
              Subscale scale = inst.scale(x.scale());
              double lo = scale.properties().minScore();
              double hi = scale.properties().maxScore();
              double y = t.scale(x.scale()).orElseThrow().score();
              if (Math.abs(x.score() + y - (lo + hi)) > 1e-9) {
                throw new AssertionError(inst.id() + " " + x.scale() + ": " + x.score() + " and "
                    + y + " do not mirror in " + lo + "-" + hi);
              }
            }
          });
    }
  }

  @Test
  void missingItemsScoreWithinTheRuleAndFailBeyondIt() {
    for (MultiScaleInstrument inst : KEYED) {
      ResponseScale r = inst.responses();
      qt().forAll(lists().of(integers().between(r.min() - 1, r.max())).ofSize(inst.items()))
          .checkAssert(answers -> {
            List<OptionalInt> a = new ArrayList<>();
            for (int x : answers) {
              a.add(x < r.min() ? OptionalInt.empty() : OptionalInt.of(x)); // min - 1: unanswered
            }
            boolean allowed = inst.scales().stream().allMatch(scale -> scale.items().stream()
                .filter(i -> a.get(i - 1).isEmpty()).count() <= scale.maxMissing().value());
            try {
              inst.score(a);
              if (!allowed) {
                throw new AssertionError(inst.id() + " scored " + a + " beyond its rule");
              }
            } catch (IllegalArgumentException e) {
              if (allowed) {
                throw new AssertionError(inst.id() + " refused " + a + ": " + e.getMessage());
              }
            }
          });
    }
  }
}
