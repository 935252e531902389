package io.candor.fhir;

import static io.candor.fhir.HapiValidation.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class FhirWriterTest {

  private static final FhirCohort READ =
      FhirReader.withDefaults().read(FhirJson.parseBundle(resource("bundle.json"), "bundle.json"));

  @Test
  void totalObservation_isAValidSurveyObservationDerivedFromTheResponse() {
    ImportedScore first = READ.scores().get(0);
    Observation o = FhirWriter.totalObservation(first);
    HapiValidation.assertValid(o);
    assertEquals("44261-6", o.getCode().getCodingFirstRep().getCode());
    assertEquals(14, ((Quantity) o.getValue()).getValue().doubleValue());
    assertEquals("Patient/p1", o.getSubject().getReference());
    assertEquals("QuestionnaireResponse/phq9-p1-1", o.getDerivedFromFirstRep().getReference());
    assertEquals("2024-01-08T09:30:00+00:00", o.getEffectiveDateTimeType().getValueAsString());
  }

  @Test
  void reviewFlag_carriesTheRawResponseAndFixedTextButNoScoreOrPriority() {
    ImportedScore flagged = READ.flagged().get(0);
    List<Flag> flags = FhirWriter.reviewFlags(flagged);
    assertEquals(1, flags.size());
    Flag f = flags.get(0);
    HapiValidation.assertValid(f);
    assertEquals(Flag.FlagStatus.ACTIVE, f.getStatus());
    assertEquals("PHQ-9 item 9 = 1: risk item answered above zero — clinician review",
        f.getCode().getText());
    assertEquals("QuestionnaireResponse/phq9-p1-1",
        ((Reference) f.getExtensionByUrl(FhirWriter.FLAG_DETAIL).getValue()).getReference());
    String json = FhirJson.toJson(f);
    assertTrue(!json.contains("priority") && !json.contains("risk score"), json);
    assertTrue(FhirWriter.reviewFlags(READ.scores().get(1)).isEmpty());
  }

  @Test
  void observationTotals_areNotWrittenAgain() {
    ImportedScore fromObservation = READ.scores().stream()
        .filter(s -> s.origin() == ImportedScore.Origin.OBSERVATION).findFirst().orElseThrow();
    assertThrows(IllegalArgumentException.class, () -> FhirWriter.totalObservation(fromObservation));
  }

  @Test
  void results_roundTripThroughJsonToTheSameScores() {
    Bundle out = FhirWriter.results(READ);
    HapiValidation.assertValid(out);
    String json = FhirJson.toJson(out);
    Bundle back = FhirJson.parseBundle(json, "results.json");
    assertEquals(json, FhirJson.toJson(back));
    FhirCohort again = FhirReader.withDefaults().read(back);
    List<ImportedScore> scored = READ.scores().stream()
        .filter(s -> s.origin() == ImportedScore.Origin.QUESTIONNAIRE_RESPONSE).toList();
    assertEquals(scored.size(), again.scores().size());
    for (int i = 0; i < scored.size(); i++) {
      ImportedScore a = scored.get(i);
      ImportedScore b = again.scores().get(i);
      assertEquals(List.of(a.client(), a.instrument(), a.session(), a.date(), a.score()),
          List.of(b.client(), b.instrument(), b.session(), b.date(), b.score()));
    }
    assertEquals(READ.flagged().size(), again.excludedCounts().get(Exclusion.Reason.NOT_A_SCORE));
    assertEquals(FhirJson.toJson(out), FhirJson.toJson(FhirWriter.results(READ)));
  }
}
