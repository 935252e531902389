package io.candor.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Instruments;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LoincFormTest {

  @Test
  void builtInForms_matchTheirInstrumentsItemCountsAndRiskItems() {
    assertEquals(Instruments.PHQ9, LoincForm.PHQ9.instrument());
    assertEquals(9, LoincForm.PHQ9.itemCodes().size());
    assertEquals(7, LoincForm.GAD7.itemCodes().size());
    assertEquals("44260-8", LoincForm.PHQ9.itemCodes().get(8));
    assertTrue(LoincForm.PHQ9.scoring().riskItems().contains(9));
  }

  @Test
  void canonicals_matchByPanelCodeOrRegistration_ignoringVersion() {
    assertTrue(LoincForm.PHQ9.matchesCanonical("http://loinc.org/q/44249-1"));
    assertTrue(LoincForm.PHQ9.matchesCanonical("https://fhir.example/Questionnaire/44249-1|3.0"));
    assertFalse(LoincForm.PHQ9.matchesCanonical("https://fhir.example/Questionnaire/44249-10"));
    assertFalse(LoincForm.GAD7.matchesCanonical("http://loinc.org/q/44249-1"));
    LoincForm mine = LoincForm.PHQ9.withCanonical("https://my.org/q/phq|2");
    assertTrue(mine.matchesCanonical("https://my.org/q/phq|7"));
    assertEquals(mine, LoincForm.PHQ9.withCanonical("https://my.org/q/phq"));
  }

  @Test
  void items_byLoincCodePathOrRegisteredLinkId() {
    assertEquals(OptionalInt.of(1), LoincForm.PHQ9.item("44250-9"));
    assertEquals(OptionalInt.of(9), LoincForm.PHQ9.item("/44249-1/44260-8"));
    assertEquals(OptionalInt.empty(), LoincForm.PHQ9.item("69725-0"));
    assertEquals(OptionalInt.of(3), LoincForm.GAD7.withLinkId("q3", 3).item("q3"));
    assertEquals(OptionalInt.of(2), LoincForm.PHQ9.answer("LA6570-1"));
    assertEquals(OptionalInt.empty(), LoincForm.PHQ9.answer("LA0000-0"));
  }

  @Test
  void withLinkId_rejectsBadInput() {
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> LoincForm.GAD7.withLinkId("q8", 8));
    assertEquals("GAD-7 item must be 1-7, was 8", range.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LoincForm.GAD7.withLinkId(" ", 1));
    assertThrows(IllegalArgumentException.class,
        () -> LoincForm.GAD7.withLinkId("q1", 1).withLinkId("q1", 2));
    assertThrows(IllegalArgumentException.class, () -> LoincForm.GAD7.withCanonical(""));
  }
}
