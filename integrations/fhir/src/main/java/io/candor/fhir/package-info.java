/**
 * HL7 FHIR R4 in and out, on HAPI FHIR's R4 structures: PHQ-9 and GAD-7 {@code
 * QuestionnaireResponse}s scored with Candor's item scoring, total-score {@code Observation}s, one
 * {@link io.candor.domain.Trajectory} per patient and instrument ordered by date, computed totals
 * written back as {@code Observation}s and risk items answered above zero as {@code Flag}s asking
 * for clinician review (never a risk score). {@link io.candor.fhir.FhirReader} reads, {@link
 * io.candor.fhir.FhirWriter} writes, {@link io.candor.fhir.LoincForm} says which codes mean what.
 */
package io.candor.fhir;
