package io.candor.fhir;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Validation by HAPI FHIR: the strict JSON parser (unknown elements and invalid values fail) and
 * the FHIR R4 XML schemas (element names, order, cardinality and primitive formats).
 */
final class HapiValidation {

  private static final FhirValidator VALIDATOR = FhirJson.context().newValidator()
      .setValidateAgainstStandardSchema(true)
      .setValidateAgainstStandardSchematron(false);

  private HapiValidation() {}

  static String resource(String name) {
    try (InputStream in = HapiValidation.class.getResourceAsStream("/fhir/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource /fhir/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails the test with HAPI's messages unless the resource is valid. */
  static void assertValid(IBaseResource resource) {
    FhirJson.parse(FhirJson.toJson(resource), "re-encoded resource");
    ValidationResult result = VALIDATOR.validateWithResult(resource);
    String messages = result.getMessages().stream()
        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .map(m -> m.getLocationString() + ": " + m.getMessage())
        .collect(Collectors.joining("\n"));
    assertTrue(messages.isEmpty(), messages);
  }
}
