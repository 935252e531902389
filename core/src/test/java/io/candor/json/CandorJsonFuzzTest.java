package io.candor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.candor.progress.ExpectedResponseModel;
import io.candor.robustness.Refusals;
import io.candor.simulation.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/**
 * Fuzz targets for reading Candor documents: {@link CandorJson#fromJson} for every public type of
 * the wire format, and scenario files laid over the calibrated default. A document is read or
 * refused with an {@link IllegalArgumentException} whose message is one short line; anything else
 * escaping is a bug. What is read writes back to the same document (an exact round trip).
 *
 * <p>{@code mvn verify} runs each target over its committed inputs in
 * {@code src/test/resources/io/candor/json/CandorJsonFuzzTestInputs/<target>/} (regression mode);
 * {@code mvn -P fuzz -pl core test -Dtest=CandorJsonFuzzTest#<target>} fuzzes one target (see
 * docs/robustness.md).
 */
class CandorJsonFuzzTest {

  /** Every public type of the wire format, by its name in a document's {@code type} field. */
  private static final Map<String, Class<?>> TYPES = wireTypes();

  /** The same types in name order, for inputs that name none. */
  private static final List<Class<?>> ORDER = List.copyOf(TYPES.values());

  private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]{1,80})\"");

  /**
   * Any document, read as the type it names (or, naming none that exists, as one chosen by the
   * input's hash), and also bound directly by {@link CandorJson#mapper()}.
   */
  @FuzzTest(maxDuration = "5m")
  void fromJson(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Matcher named = TYPE.matcher(text);
    Class<?> type = named.find() && TYPES.containsKey(named.group(1))
        ? TYPES.get(named.group(1))
        : ORDER.get(Math.floorMod(Arrays.hashCode(input), ORDER.size()));
    readOrRefuse(text, type);
    if (type == ExpectedResponseModel.class || named.find(0) && "GrowthFit".equals(named.group(1))) {
      readOrRefuse(text, ExpectedResponseModel.class);
    }
    try {
      CandorJson.mapper().readValue(text, type);
    } catch (JacksonException | IllegalArgumentException e) {
      // the mapper reports Jackson's exceptions; either kind is a refusal
    }
  }

  /** The value of a Scenario document: any part of a scenario file, laid over the default. */
  @FuzzTest(maxDuration = "5m")
  void scenario(byte[] input) {
    String value = new String(input, StandardCharsets.UTF_8);
    readOrRefuse("{\"format\": \"candor\", \"formatVersion\": 1, \"type\": \"Scenario\", \"value\": "
        + value + "}", Scenario.class);
  }

  /** Reads a document, or checks the refusal; what is read must write back to itself. */
  static void readOrRefuse(String text, Class<?> type) {
    Object value;
    try {
      value = CandorJson.fromJson(text, type);
    } catch (IllegalArgumentException e) {
      Refusals.check(e, text);
      return;
    }
    String written = CandorJson.toJson(value);
    assertEquals(written, CandorJson.toJson(CandorJson.fromJson(written, type)),
        "a value read from a document does not round-trip");
  }

  private static Map<String, Class<?>> wireTypes() {
    try {
      Map<String, Class<?>> out = new TreeMap<>();
      for (Class<?> c : GoldenJsonTest.publicTypes()) {
        if (CandorJson.codecTypes().contains(c)) {
          out.put(CandorJson.typeName(c), c);
        } else if (c.isRecord()) {
          out.putIfAbsent(CandorJson.typeName(c), c);
        }
      }
      return out;
    } catch (Exception e) {
      throw new IllegalStateException("cannot list the wire types", e);
    }
  }
}
