package io.candor.examples.serve;

import io.candor.examples.cli.CliText;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields and files of a submitted form, read from {@code application/x-www-form-urlencoded}
 * or {@code multipart/form-data}; malformed bodies are rejected with a message saying so.
 */
final class Form {

  private final Map<String, String> fields;
  private final Map<String, Upload> files;

  private Form(Map<String, String> fields, Map<String, Upload> files) {
    this.fields = fields;
    this.files = files;
  }

  /** An empty form (a first visit). */
  static Form empty() {
    return new Form(Map.of(), Map.of());
  }

  /** A field's value, stripped; empty when absent or blank. */
  Optional<String> field(String name) {
    String v = fields.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  /** A field's value, or the default. */
  String field(String name, String otherwise) {
    return field(name).orElse(otherwise);
  }

  /** An uploaded file, when one with content was sent. */
  Optional<Upload> file(String name) {
    Upload u = files.get(name);
    return u == null || u.bytes().length == 0 ? Optional.empty() : Optional.of(u);
  }

  /** Parses a request body of the given content type. */
  static Form parse(String contentType, byte[] body) {
    String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return new Form(urlEncoded(new String(body, StandardCharsets.UTF_8)), Map.of());
    }
    if (type.startsWith("multipart/form-data")) {
      return multipart(contentType, body);
    }
    throw new IllegalArgumentException("the form was sent as "
        + CliText.quote(contentType == null ? "" : contentType)
        + "; send it as a form (application/x-www-form-urlencoded or multipart/form-data)");
  }

  private static Map<String, String> urlEncoded(String body) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        map.putIfAbsent(k, v);
      } catch (IllegalArgumentException e) {
        // the JDK's message repeats the whole text raw, line breaks and all
        throw new IllegalArgumentException("the form is not well-formed: a bad percent escape in "
            + CliText.quote(eq < 0 || !bad(pair.substring(0, eq)) ? pair.substring(eq + 1) : pair.substring(0, eq)), e);
      }
    }
    return map;
  }

  /** Whether the text does not decode. */
  private static boolean bad(String text) {
    try {
      URLDecoder.decode(text, StandardCharsets.UTF_8);
      return false;
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  private static Form multipart(String contentType, byte[] body) {
    String boundary = null;
    for (String p : contentType.split(";")) {
      String s = p.strip();
      if (s.toLowerCase(java.util.Locale.ROOT).startsWith("boundary=")) {
        boundary = s.substring(9);
        if (boundary.length() >= 2 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
          boundary = boundary.substring(1, boundary.length() - 1);
        }
      }
    }
    if (boundary == null || boundary.isEmpty()) {
      throw new IllegalArgumentException("the upload is not a well-formed form: no boundary");
    }
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, Upload> files = new LinkedHashMap<>();
    int pos = indexOf(body, delimiter, 0);
    if (pos < 0) {
      throw new IllegalArgumentException("the upload is not a well-formed form: no parts");
    }
    while (true) {
      int after = pos + delimiter.length;
      if (after + 1 < body.length && body[after] == '-' && body[after + 1] == '-') {
        break; // closing delimiter
      }
      int headersStart = skipLineBreak(body, after);
      int headersEnd = indexOf(body, new byte[] {'\r', '\n', '\r', '\n'}, headersStart);
      if (headersEnd < 0) {
        throw new IllegalArgumentException("the upload is not a well-formed form: a part has no"
            + " end of headers");
      }
      String headers = new String(body, headersStart, headersEnd - headersStart,
          StandardCharsets.UTF_8);
      int contentStart = headersEnd + 4;
      int next = indexOf(body, concat(new byte[] {'\r', '\n'}, delimiter), contentStart);
      if (next < 0) {
        throw new IllegalArgumentException("the upload is not a well-formed form: it ends inside"
            + " a part (was the upload cut short?)");
      }
      String name = null;
      String filename = null;
      for (String h : headers.split("\r\n")) {
        if (h.toLowerCase(java.util.Locale.ROOT).startsWith("content-disposition:")) {
          name = parameter(h, "name");
          filename = parameter(h, "filename");
        }
      }
      if (name == null) {
        throw new IllegalArgumentException("the upload is not a well-formed form: a part has no"
            + " name");
      }
      byte[] content = java.util.Arrays.copyOfRange(body, contentStart, next);
      if (filename != null) {
        files.putIfAbsent(name, new Upload(filename, content));
      } else {
        fields.putIfAbsent(name, new String(content, StandardCharsets.UTF_8));
      }
      pos = next + 2;
    }
    return new Form(fields, files);
  }

  private static int skipLineBreak(byte[] b, int i) {
    if (i + 1 < b.length && b[i] == '\r' && b[i + 1] == '\n') {
      return i + 2;
    }
    throw new IllegalArgumentException("the upload is not a well-formed form: bad delimiter line");
  }

  /** The value of a {@code key="value"} parameter of a header, or null. */
  private static String parameter(String header, String key) {
    for (String p : header.split(";")) {
      String s = p.strip();
      int eq = s.indexOf('=');
      if (eq > 0 && s.substring(0, eq).strip().equalsIgnoreCase(key)) {
        String v = s.substring(eq + 1).strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
            ? v.substring(1, v.length() - 1) : v;
      }
    }
    return null;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  /** First index of {@code needle} in {@code hay} at or after {@code from}, or −1. */
  static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
