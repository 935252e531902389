package io.candor.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR R4 JSON in and out through HAPI FHIR's parser, strictly: an unknown element, a value of the
 * wrong JSON type or an invalid primitive fails with an {@link IllegalArgumentException} naming
 * where, instead of being dropped with a logged warning. One shared, thread-safe {@link
 * FhirContext} (costly to build) is created on first use.
 *
 * <p>Stateless and thread-safe.
 */
public final class FhirJson {

  private FhirJson() {}

  private static final class Holder {
    static final FhirContext CONTEXT = FhirContext.forR4Cached();
  }

  /**
   * The shared R4 context.
   *
   * @return the context
   */
  public static FhirContext context() {
    return Holder.CONTEXT;
  }

  private static IParser parser() {
    return context().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
  }

  /**
   * Parses any R4 resource.
   *
   * @param json the JSON text
   * @param source names the input in messages (a file name)
   * @return the resource
   * @throws IllegalArgumentException if the text is not valid FHIR R4 JSON
   */
  public static Resource parse(String json, String source) {
    Objects.requireNonNull(json, "json");
    FhirPaths.nonBlank("source", source);
    try {
      IBaseResource r = parser().parseResource(json);
      return (Resource) r;
    } catch (DataFormatException | ClassCastException e) {
      throw new IllegalArgumentException(source + ": not valid FHIR R4 JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Parses a {@code Bundle}.
   *
   * @param json the JSON text
   * @param source names the input in messages
   * @return the bundle
   * @throws IllegalArgumentException if the text is not valid FHIR R4 JSON or holds another
   *     resource type (named in the message)
   */
  public static Bundle parseBundle(String json, String source) {
    Resource r = parse(json, source);
    if (!(r instanceof Bundle b)) {
      throw new IllegalArgumentException(
          source + ": expected a FHIR Bundle, was a " + r.fhirType()
              + " (wrap QuestionnaireResponses and Observations in a Bundle of type collection)");
    }
    return b;
  }

  /**
   * Reads and parses a UTF-8 file holding a {@code Bundle}.
   *
   * @param file the file
   * @return the bundle
   * @throws IllegalArgumentException if the content is not a valid FHIR R4 Bundle
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Bundle readBundle(Path file) {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parseBundle(text, file.toString());
  }

  /**
   * Encodes a resource as pretty-printed JSON.
   *
   * @param resource the resource
   * @return the JSON text
   */
  public static String toJson(IBaseResource resource) {
    Objects.requireNonNull(resource, "resource");
    return context().newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
  }
}
