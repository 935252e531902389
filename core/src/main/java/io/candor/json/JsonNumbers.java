package io.candor.json;

import io.candor.internal.Checks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * How Candor reads a JSON number as a {@code double}: exactly the nearest double, or an error.
 * Nothing is rounded to infinity or to zero: a number beyond the double range ({@code 1e400}, an
 * integer of 310 digits) and a non-zero number below it ({@code 1e-400}) are refused, and a string
 * is never read as a number. The only strings read as doubles are the three Candor writes for a
 * non-finite value, spelled exactly {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}; the
 * type that holds the value decides whether it may be non-finite.
 *
 * <p>Used by the codecs ({@link JsonIn#number()}) and, as Jackson deserializers for {@code double},
 * {@code Double}, {@code OptionalDouble} and {@code double[]}, by everything read as a record.
 */
final class JsonNumbers {

  /** Candor's JSON writer spells non-finite doubles so (Jackson's default for NaN and infinities). */
  private static final List<String> NON_FINITE = List.of("NaN", "Infinity", "-Infinity");

  private JsonNumbers() {}

  /**
   * A value's fault, worded to follow its JSON path: {@code "<path> must be a number, was x"}.
   * {@link JsonErrors#binding} puts the path in front.
   */
  static final class ValueError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** What follows the path of the value that failed, e.g. an array index {@code [3]}. */
    private final String below;

    ValueError(String predicate) {
      this("", predicate);
    }

    ValueError(String below, String predicate) {
      super(predicate);
      this.below = below;
    }

    /** The message after a path: {@code "[3] must be a number, was \"x\""}. */
    String after(String path) {
      return path + below + " " + getMessage();
    }
  }

  /** The double a number node denotes. */
  static double toDouble(JsonNode node) {
    if (node.isBigDecimal()) {
      return toDouble(node.decimalValue());
    }
    if (node.isBigInteger()) {
      return toDouble(node.bigIntegerValue());
    }
    double v = node.doubleValue();
    if (!Double.isFinite(v)) {
      throw beyondRange(node.toString());
    }
    return v;
  }

  static double toDouble(BigDecimal d) {
    double v = d.doubleValue();
    if (!Double.isFinite(v)) {
      throw beyondRange(d.toString());
    }
    if (v == 0 && d.signum() != 0) {
      throw new ValueError("is too close to zero for a double (the smallest is 4.9E-324), was " + d);
    }
    return v;
  }

  static double toDouble(BigInteger i) {
    double v = i.doubleValue();
    if (!Double.isFinite(v)) {
      throw beyondRange(integerText(i));
    }
    return v;
  }

  /** An integer for a message: as written, or by its number of digits when it is long. */
  static String integerText(BigInteger i) {
    String digits = i.abs().toString();
    return digits.length() > 24 ? "an integer of " + digits.length() + " digits" : i.toString();
  }

  private static ValueError beyondRange(String was) {
    return new ValueError("must be a finite number (at most 1.7976931348623157E308 in size), was " + was);
  }

  /** The double at the parser's current token, which must be a number or a non-finite string. */
  static double read(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? toDouble(p.getBigIntegerValue()) : p.getLongValue();
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      if (p.getNumberType() == JsonParser.NumberType.BIG_DECIMAL) {
        return toDouble(p.getDecimalValue());
      }
      double v = p.getDoubleValue();
      // the text decides what a double alone cannot show: overflow and underflow
      return Double.isFinite(v) && v != 0 ? v : toDouble(p.getDecimalValue());
    }
    if (t == JsonToken.VALUE_STRING && NON_FINITE.contains(p.getString())) {
      return Double.parseDouble(p.getString());
    }
    throw new ValueError("must be a number, was " + describe(p));
  }

  /** The current token as the message shows it: a string quoted, a structure by its kind. */
  private static String describe(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return Checks.quote(p.getString());
    }
    if (t == JsonToken.START_OBJECT) {
      return "an object";
    }
    if (t == JsonToken.START_ARRAY) {
      return "an array";
    }
    return t == null ? "nothing" : p.getString();
  }

  /** Registers the strict deserializers for {@code double}, {@code Double}, {@code OptionalDouble}, {@code double[]}. */
  static void register(SimpleModule module) {
    module.addDeserializer(Double.TYPE, new DoubleDeserializer(true));
    module.addDeserializer(Double.class, new DoubleDeserializer(false));
    module.addDeserializer(OptionalDouble.class, new OptionalDoubleDeserializer());
    module.addDeserializer(double[].class, new DoubleArrayDeserializer());
  }

  private static final class DoubleDeserializer extends ValueDeserializer<Double> {
    private final boolean primitive;

    DoubleDeserializer(boolean primitive) {
      this.primitive = primitive;
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) {
      return read(p);
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) {
      if (primitive) {
        throw new ValueError("must be a number, was null");
      }
      return null;
    }

    @Override
    public Class<?> handledType() {
      return primitive ? Double.TYPE : Double.class;
    }
  }

  private static final class OptionalDoubleDeserializer extends ValueDeserializer<OptionalDouble> {
    @Override
    public OptionalDouble deserialize(JsonParser p, DeserializationContext ctxt) {
      return OptionalDouble.of(read(p));
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) {
      return OptionalDouble.empty();
    }

    @Override
    public Class<?> handledType() {
      return OptionalDouble.class;
    }
  }

  private static final class DoubleArrayDeserializer extends ValueDeserializer<double[]> {
    @Override
    public double[] deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw new ValueError("must be an array of numbers, was " + describe(p));
      }
      List<Double> values = new ArrayList<>();
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        try {
          values.add(read(p));
        } catch (ValueError e) {
          throw new ValueError("[" + values.size() + "]", e.getMessage());
        }
      }
      double[] out = new double[values.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = values.get(i);
      }
      return out;
    }

    @Override
    public Class<?> handledType() {
      return double[].class;
    }
  }
}
