package io.candor.fhir;

import io.candor.measure.RiskFlag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Writes what Candor computed back as FHIR R4 resources.
 *
 * <ul>
 *   <li>A total scored from a {@code QuestionnaireResponse} becomes a {@code final} {@code
 *       Observation}: category {@code survey}, code the form's LOINC total ({@code 44261-6}),
 *       {@code valueQuantity} in {@code {score}} (a prorated total need not be whole), {@code
 *       effectiveDateTime} the response's {@code authored}, {@code derivedFrom} the response, and
 *       a note when the total was prorated.
 *   <li>Each {@link RiskFlag} becomes an {@code active} {@code Flag} (category {@code clinical})
 *       whose {@code code.text} is the flag's fixed text with the instrument, item and raw
 *       response ("PHQ-9 item 9 = 2: risk item answered above zero — clinician review"), with the
 *       response linked through the {@code flag-detail} extension. It asks for a clinician's
 *       review; it carries no priority, risk level or score, and a response without a flag is not
 *       reassurance.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class FhirWriter {

  /** The R4 core extension linking a Flag to the resource it is about. */
  static final String FLAG_DETAIL = "http://hl7.org/fhir/StructureDefinition/flag-detail";

  private static final String OBSERVATION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/observation-category";
  private static final String FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";
  private static final String UCUM = "http://unitsofmeasure.org";

  private FhirWriter() {}

  /**
   * The total of a score read from a {@code QuestionnaireResponse} as an {@code Observation}.
   *
   * @param score the score
   * @return a new Observation (no id: the server assigns one)
   * @throws IllegalArgumentException if the score came from an Observation (it is one already) or
   *     its instrument has no LOINC form
   */
  public static Observation totalObservation(ImportedScore score) {
    Objects.requireNonNull(score, "score");
    if (score.origin() != ImportedScore.Origin.QUESTIONNAIRE_RESPONSE) {
      throw new IllegalArgumentException(score.path() + " is already an Observation of the total;"
          + " only totals computed from a QuestionnaireResponse are written");
    }
    LoincForm form = form(score.instrument());
    Observation o = new Observation();
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, "survey", "Survey")));
    o.setCode(new CodeableConcept(new Coding(LoincForm.LOINC, form.totalCode(), null))
        .setText(score.instrument() + " total score"));
    o.setSubject(new Reference(score.client().value()));
    o.setEffective(new DateTimeType(score.dateTime()));
    o.setValue(new Quantity().setValue(BigDecimal.valueOf(score.score())).setUnit("{score}")
        .setSystem(UCUM).setCode("{score}"));
    o.addDerivedFrom(new Reference(score.reference()));
    if (score.prorated()) {
      o.addNote(new Annotation().setText("Computed by Candor from the item answers; missing items"
          + " were prorated as " + score.instrument() + "'s scoring rule allows."));
    } else {
      o.addNote(new Annotation().setText("Computed by Candor from the item answers."));
    }
    return o;
  }

  /**
   * One {@code Flag} per risk flag of a score (none when it has none).
   *
   * @param score the score
   * @return the flags, in item order
   */
  public static List<Flag> reviewFlags(ImportedScore score) {
    Objects.requireNonNull(score, "score");
    List<Flag> out = new ArrayList<>(score.riskFlags().size());
    for (RiskFlag r : score.riskFlags()) {
      Flag f = new Flag();
      f.setStatus(Flag.FlagStatus.ACTIVE);
      f.addCategory(new CodeableConcept(new Coding(FLAG_CATEGORY, "clinical", "Clinical")));
      f.setCode(new CodeableConcept().setText(r.toString()));
      f.setSubject(new Reference(score.client().value()));
      f.setPeriod(new Period().setStartElement(new DateTimeType(score.dateTime())));
      f.addExtension(new Extension(FLAG_DETAIL, new Reference(score.reference())));
      out.add(f);
    }
    return out;
  }

  /**
   * A {@code collection} Bundle of a total {@code Observation} for every score computed from a
   * response and a {@code Flag} for every risk flag.
   *
   * @param cohort what a {@link FhirReader} read
   * @return the bundle
   */
  public static Bundle results(FhirCohort cohort) {
    Objects.requireNonNull(cohort, "cohort");
    Bundle b = new Bundle();
    b.setType(Bundle.BundleType.COLLECTION);
    for (ImportedScore s : cohort.scores()) {
      if (s.origin() == ImportedScore.Origin.QUESTIONNAIRE_RESPONSE) {
        add(b, totalObservation(s));
        for (Flag f : reviewFlags(s)) {
          add(b, f);
        }
      }
    }
    return b;
  }

  private static void add(Bundle b, Resource r) {
    b.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.nameUUIDFromBytes(
        (b.getEntry().size() + ":" + FhirJson.toJson(r)).getBytes(
            java.nio.charset.StandardCharsets.UTF_8))).setResource(r);
  }

  private static LoincForm form(String instrument) {
    return LoincForm.byInstrument(LoincForm.builtIn(), instrument).orElseThrow(
        () -> new IllegalArgumentException("no LOINC total code is known for " + instrument));
  }
}
