package io.candor.fhir;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.candor.robustness.Refusals;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;

/**
 * Fuzz target for FHIR input: any text parsed as an R4 resource; a {@code Bundle} read into a
 * cohort (and its results written back as a bundle that parses again), a {@code
 * QuestionnaireResponse} scored. Each step succeeds or refuses with an {@link
 * IllegalArgumentException} of one short line that repeats no resource; anything else escaping is
 * a bug.
 *
 * <p>{@code mvn verify} runs the committed inputs in
 * {@code src/test/resources/io/candor/fhir/FhirFuzzTestInputs/read/}; fuzzing mode is
 * {@code mvn -P fuzz -pl integrations/fhir -am test -Dtest=FhirFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false} (docs/robustness.md).
 */
class FhirFuzzTest {

  private static final FhirReader READER = FhirReader.withDefaults();

  /** Any text as a FHIR R4 resource. */
  @FuzzTest(maxDuration = "5m")
  void read(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    try {
      Resource resource = FhirJson.parse(text, "fuzz.json");
      if (resource instanceof Bundle bundle) {
        FhirCohort cohort = READER.read(bundle);
        FhirJson.parseBundle(FhirJson.toJson(FhirWriter.results(cohort)), "results.json");
      } else if (resource instanceof QuestionnaireResponse response) {
        READER.score(response);
      }
    } catch (IllegalArgumentException e) {
      Refusals.check(e, text);
    }
  }
}
