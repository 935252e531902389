package io.candor.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.evidence.Certainty;
import io.candor.evidence.Sourced;
import io.candor.robustness.Refusals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog's figures as verified in docs/evidence.md. */
class InstrumentsCatalogTest {

  private static List<Sourced> figures(Instrument i) {
    List<Sourced> out = new ArrayList<>();
    out.add(i.reliability());
    i.casenessCutoff().ifPresent(out::add);
    i.bandsSource().ifPresent(out::add);
    i.reliableChange().ifPresent(out::add);
    i.clinicalNorms().ifPresent(n -> { out.add(n.mean()); out.add(n.sd()); });
    i.functionalNorms().ifPresent(n -> { out.add(n.mean()); out.add(n.sd()); });
    return out;
  }

  @Test
  void everyFigure_hasANoteSayingWhatItRestsOn() {
    for (Instrument i : Instruments.all()) {
      for (Sourced s : figures(i)) {
        assertFalse(s.note().isBlank(), i.id() + " " + s);
      }
    }
  }

  @Test
  void figuresNotSeenInAnySource_areAssumptions() {
    for (Instrument i : Instruments.all()) {
      for (Sourced s : figures(i)) {
        if (s.note().contains("not seen") || s.note().contains("not confirmed")) {
          assertEquals(Certainty.ASSUMPTION, s.certainty(), i.id() + ": " + s.note());
        }
      }
    }
  }

  @Test
  void verifiedFigures_haveTheirPublishedValues() {
    assertEquals(10, Instruments.PHQ9.casenessCutoff().orElseThrow().value());
    assertEquals(Certainty.PRIMARY, Instruments.PHQ9.casenessCutoff().orElseThrow().certainty());
    assertEquals(11, Instruments.CORE10.casenessCutoff().orElseThrow().value());
    assertEquals(6, Instruments.CORE10.reliableChange().orElseThrow().value());
    assertEquals(Certainty.PRIMARY, Instruments.CORE10.reliableChange().orElseThrow().certainty());
    assertEquals(15.4, Instruments.PHQ9.clinicalNorms().orElseThrow().mean().value());
    assertEquals(5.5, Instruments.PHQ9.clinicalNorms().orElseThrow().sd().value());
    assertEquals(14.0, Instruments.GAD7.clinicalNorms().orElseThrow().mean().value());
    assertEquals(4.5, Instruments.GAD7.clinicalNorms().orElseThrow().sd().value());
    assertEquals(Certainty.PRIMARY, Instruments.K10.bandsSource().orElseThrow().certainty());
  }

  @Test
  void phq9JacobsonTruaxThreshold_agreesWithTheTalkingTherapiesCriterion() {
    // 1.96 * 5.5 * sqrt(2 * (1 - .84)) = 6.098: the published 6-point criterion, to rounding
    double sd = Instruments.PHQ9.clinicalNorms().orElseThrow().sd().value();
    double r = Instruments.PHQ9.reliability().value();
    double threshold = 1.96 * sd * Math.sqrt(2 * (1 - r));
    assertEquals(6.098088880952786, threshold, 1e-12);
    assertEquals(Instruments.PHQ9.reliableChange().orElseThrow().value(), Math.round(threshold));
  }

  @Test
  void byId_findsIgnoringCaseAndHyphen_andRejectsUnknown() {
    assertEquals(Instruments.PHQ9, Instruments.byId("phq9"));
    assertEquals(Instruments.OQ45, Instruments.byId("OQ-45.2"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Instruments.byId("BAI"));
    assertTrue(e.getMessage().contains("known: PHQ-9"), e.getMessage());
  }

  @Test
  void byId_anUnknownIdIsQuotedOnOneLineAndCut() {
    String m = assertThrows(IllegalArgumentException.class,
        () -> Instruments.byId("PHQ\n" + "9".repeat(500))).getMessage();
    assertTrue(m.startsWith("unknown instrument \"PHQ\\u000a999"), m);
    assertTrue(m.contains("\u2026\" (504 characters); known: PHQ-9"), m);
    Refusals.checkMessage(m);
  }

  @Test
  void find_knowsTheDocumentedAliasOnly_andGuessesNothingElse() {
    assertEquals(Instruments.OQ45, Instruments.find("oq 45.2").orElseThrow());
    assertEquals(Instruments.PHQ9, Instruments.find("PHQ 9").orElseThrow());
    for (String notAnId : new String[] {"PHQ.29", "P.2HQ-9", "PHQ-9.2", "GAD.27", "OQ-45.3", "OQ.2-45"}) {
      assertTrue(Instruments.find(notAnId).isEmpty(), notAnId);
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Instruments.find(" "));
    assertTrue(e.getMessage().startsWith("instrument id must not be blank"), e.getMessage());
  }
}
