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
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * FHIR R4 JSON in and out through HAPI FHIR's parser, strictly: an unknown element, a value of the
 * wrong JSON type or an invalid primitive fails with an {@link IllegalArgumentException} naming
 * where, instead of being dropped with a logged warning. One shared, thread-safe {@link
 * FhirContext} (costly to build) is created on first use.
 *
 * <p>Stateless and thread-safe.
 */
public final class FhirJson {

  /** Jackson's location of a parse failure, as HAPI passes it on. */
  private static final Pattern LOCATION =
      Pattern.compile("\\s*at \\[line: (\\d+), column: (\\d+)\\]");

  /** For the pass over the text before HAPI reads it. */
  private static final JsonFactory JSON = new JsonFactory();

  /** The longest explanation taken from HAPI. */
  private static final int LONGEST = 300;

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
    refuseEmptyNames(json, source);
    try {
      IBaseResource r = parser().parseResource(json);
      return (Resource) r;
    } catch (DataFormatException | ClassCastException e) {
      throw new IllegalArgumentException(source + ": " + explain(e.getMessage()), e);
    }
  }

  /**
   * Refuses a property with an empty name, which no FHIR element has: HAPI FHIR's parser (8.12)
   * fails on one with a {@link StringIndexOutOfBoundsException} instead of a {@link
   * DataFormatException}. Text that is not JSON is left for HAPI to explain.
   */
  private static void refuseEmptyNames(String json, String source) {
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.PROPERTY_NAME && p.currentName().isEmpty()) {
          TokenStreamLocation at = p.currentTokenLocation();
          throw new IllegalArgumentException(source + ": not valid FHIR R4 JSON (line "
              + at.getLineNr() + ", column " + at.getColumnNr()
              + "): a property has an empty name");
        }
      }
    } catch (JacksonException e) {
      // not JSON: HAPI's parser says where and why
    }
  }

  /**
   * HAPI's explanation as one line: Jackson's {@code \n at [line: 1, column: 119]} becomes
   * {@code (line 1, column 119)} after "not valid FHIR R4 JSON", control characters are escaped,
   * and the rest is cut once {@value #LONGEST} characters are written, an escape counting as the
   * six it takes (HAPI quotes the offending text, which may be long).
   */
  static String explain(String hapi) {
    if (hapi == null) {
      return "not valid FHIR R4 JSON";
    }
    Matcher at = LOCATION.matcher(hapi);
    String where = at.find() ? " (line " + at.group(1) + ", column " + at.group(2) + ")" : "";
    String rest = LOCATION.matcher(hapi).replaceAll("").strip();
    StringBuilder sb = new StringBuilder("not valid FHIR R4 JSON").append(where).append(": ");
    int start = sb.length();
    int i = 0;
    for (; i < rest.length() && sb.length() - start < LONGEST; i++) {
      char c = rest.charAt(i);
      sb.append(c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029'
          ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
    }
    return i < rest.length() ? sb.append('\u2026').toString() : sb.toString();
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
