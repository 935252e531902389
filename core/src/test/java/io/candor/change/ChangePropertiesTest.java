package io.candor.change;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import org.junit.jupiter.api.Test;

/**
 * Invariants of change classification.
 *
 * <p>Which mirror holds: swapping pre and post negates the Jacobson–Truax index exactly, so the
 * category mirrors (recovered ↔ harmed, improved ↔ deteriorated, unchanged ↔ unchanged) under
 * every cutoff type, provided neither score lies exactly on an a/b/c cutoff (with the caseness
 * cutoff it holds for all scores, because "functional after" is defined as "not a case"). The other
 * methods adjust the pre score for regression to the mean (and Hageman–Arrindell for the cohort's
 * mean change), so swapping one client's scores inside a fixed cohort is not a mirror image for
 * them by design; only the sign and monotonicity properties are checked for those.
 */
class ChangePropertiesTest {

  private static final ChangeContext PHQ9 = ChangeContext.of(Instruments.PHQ9);
  private static final ChangeContext PHQ9_COHORT =
      ChangeContext.ofCohort(Instruments.PHQ9, new ReferenceStatistics(16.45, 6.18, 10.6, 7.27, 0.75, 40));
  private static final ChangeContext WEMWBS_COHORT =
      ChangeContext.ofCohort(Instruments.WEMWBS, new ReferenceStatistics(43.2, 13.7, 47.0, 18.1, 0.89, 30));

  private static ChangeCategory jt(double pre, double post, ChangeContext c) {
    return ClinicalChange.classify(ReliableChangeMethod.JACOBSON_TRUAX, pre, post, c).category();
  }

  @Test
  void swappingPreAndPost_mirrorsTheJacobsonTruaxCategory_withCasenessCutoff() {
    ChangeContext c = PHQ9.with(CutoffType.CASENESS);
    qt().forAll(integers().between(0, 27), integers().between(0, 27))
        .checkAssert((a, b) -> {
          ChangeCategory forward = jt(a, b, c);
          ChangeCategory back = jt(b, a, c);
          if (back != forward.mirror()) {
            throw new AssertionError(a + "->" + b + " is " + forward + " but " + b + "->" + a + " is " + back);
          }
        });
  }

  @Test
  void swappingPreAndPost_mirrorsTheJacobsonTruaxCategory_withCutoffsABC_offTheCutoff() {
    for (ChangeContext base : new ChangeContext[] {PHQ9, WEMWBS_COHORT}) {
      Instrument ins = base.instrument();
      for (CutoffType t : new CutoffType[] {CutoffType.A, CutoffType.B, CutoffType.C}) {
        ChangeContext c = base.with(t);
        double cut = ClinicalCutoff.of(c).value();
        qt().forAll(integers().between((int) ins.minScore(), (int) ins.maxScore()),
                integers().between((int) ins.minScore(), (int) ins.maxScore()))
            .assuming((a, b) -> a != cut && b != cut)
            .checkAssert((a, b) -> {
              if (jt(b, a, c) != jt(a, b, c).mirror()) {
                throw new AssertionError(ins.id() + " " + t + ": " + a + "<->" + b);
              }
            });
      }
    }
  }

  @Test
  void categoryIsMonotoneInThePostScore_forEveryMethod() {
    for (ChangeContext c : new ChangeContext[] {PHQ9_COHORT, WEMWBS_COHORT}) {
      Instrument ins = c.instrument();
      int lo = (int) ins.minScore();
      int hi = (int) ins.maxScore();
      int sign = ins.direction().improvementSign();
      for (ReliableChangeMethod m : ReliableChangeMethod.values()) {
        qt().forAll(integers().between(lo, hi), integers().between(lo, hi), integers().between(lo, hi))
            .checkAssert((pre, p1, p2) -> {
              // order the two post scores so that q2 is at least as good as q1
              int q1 = sign * p1 <= sign * p2 ? p1 : p2;
              int q2 = q1 == p1 ? p2 : p1;
              int r1 = ClinicalChange.classify(m, pre, q1, c).category().rank();
              int r2 = ClinicalChange.classify(m, pre, q2, c).category().rank();
              if (r2 < r1) {
                throw new AssertionError(ins.id() + " " + m + " pre " + pre + ": post " + q1
                    + " ranks " + r1 + " but better post " + q2 + " ranks " + r2);
              }
            });
      }
    }
  }

  @Test
  void indexSign_followsPostMinusExpectedPost_andJacobsonTruaxFollowsTheRawChange() {
    qt().forAll(integers().between(0, 27), integers().between(0, 27))
        .checkAssert((pre, post) -> {
          for (ReliableChangeMethod m : ReliableChangeMethod.values()) {
            ReliableChange rc = m.assess(pre, post, PHQ9_COHORT);
            double expectedSign = Math.signum(post - rc.expectedPost());
            if (Math.signum(rc.index()) != expectedSign) {
              throw new AssertionError(m + " " + pre + "->" + post);
            }
            if (rc.improved() && !(post < rc.lower())) {
              throw new AssertionError(m + " improved but inside the interval");
            }
          }
          ReliableChange jt = ReliableChangeMethod.JACOBSON_TRUAX.assess(pre, post, PHQ9);
          if (Math.signum(jt.index()) != Math.signum(post - pre)) {
            throw new AssertionError("JT sign " + pre + "->" + post);
          }
          if (jt.improved() && post >= pre) {
            throw new AssertionError("JT improvement must be a fall on PHQ-9");
          }
        });
  }
}
