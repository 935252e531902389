package io.candor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8Reader} reads what the JDK's strict UTF-8 {@code InputStreamReader} reads, and fails
 * where it fails, whatever the buffer and read sizes.
 */
class Utf8ReaderTest {

  /** All characters from a reader, read {@code chunk} at a time; empty if it threw a coding error. */
  private static Optional<String> readAll(Reader r, int chunk) {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[chunk];
    try (r) {
      int n;
      while ((n = r.read(buf, 0, chunk)) >= 0) {
        sb.append(buf, 0, n);
      }
      return Optional.of(sb.toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> jdk(byte[] bytes) {
    return readAll(new InputStreamReader(new ByteArrayInputStream(bytes),
        StandardCharsets.UTF_8.newDecoder()), 1024);
  }

  private static Optional<String> ours(byte[] bytes, int bufferSize, int chunk) {
    return readAll(new Utf8Reader(new ByteArrayInputStream(bytes), bufferSize), chunk);
  }

  @Test
  void readsAnyTextAsTheJdkDoes_whateverTheBufferAndReadSizes() {
    qt().withExamples(500)
        .forAll(strings().allPossible().ofLengthBetween(0, 60), integers().between(4, 11),
            integers().between(1, 9))
        .checkAssert((text, bufferSize, chunk) -> {
          byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
          assertEquals(jdk(bytes), ours(bytes, bufferSize, chunk));
        });
  }

  @Test
  void readsAnyBytesAsTheJdkDoes_failingWhereItFails() {
    qt().withExamples(1000)
        .forAll(lists().of(integers().between(-128, 127)).ofSizeBetween(0, 24),
            integers().between(4, 9), integers().between(1, 7))
        .checkAssert((values, bufferSize, chunk) -> {
          byte[] bytes = bytes(values);
          assertEquals(jdk(bytes), ours(bytes, bufferSize, chunk), values.toString());
        });
  }

  private static byte[] bytes(List<Integer> values) {
    byte[] b = new byte[values.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = values.get(i).byteValue();
    }
    return b;
  }

  @Test
  void multiByteCharactersAcrossBufferBoundaries_areReadWhole() {
    String text = "id,€,😀,ü\nJosé,Zoë,日本\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int size = 4; size < 12; size++) {
      for (int chunk = 1; chunk < 5; chunk++) {
        assertEquals(Optional.of(text), ours(bytes, size, chunk), size + "/" + chunk);
      }
    }
  }

  @Test
  void latin1Text_isAMalformedInputError_afterTheCharactersBeforeIt() throws IOException {
    byte[] bytes = "id\nJos\u00e9,0\n".getBytes(StandardCharsets.ISO_8859_1);
    try (Reader r = new Utf8Reader(new ByteArrayInputStream(bytes))) {
      char[] buf = new char[64];
      assertEquals(6, r.read(buf, 0, 64));
      assertEquals("id\nJos", new String(buf, 0, 6));
      assertThrows(MalformedInputException.class, () -> r.read(buf, 0, 64));
    }
  }

  @Test
  void aCharacterCutOffByTheEnd_isAMalformedInputError() {
    byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
    byte[] cut = {euro[0], euro[1]};
    assertEquals(Optional.empty(), ours(cut, 16, 8));
    assertEquals(Optional.empty(), jdk(cut));
  }

  @Test
  void badArguments_areRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new Utf8Reader(new ByteArrayInputStream(new byte[0]), 3));
    assertThrows(NullPointerException.class, () -> new Utf8Reader(null));
    Utf8Reader r = new Utf8Reader(new ByteArrayInputStream(new byte[0]));
    assertThrows(IndexOutOfBoundsException.class, () -> r.read(new char[2], 1, 2));
  }

  @Test
  void readOfNothing_returnsZero_andTheEndIsMinusOneEveryTime() throws IOException {
    Utf8Reader r = new Utf8Reader(new ByteArrayInputStream(new byte[] {'a'}));
    assertEquals(0, r.read(new char[1], 0, 0));
    assertEquals('a', r.read());
    assertEquals(-1, r.read());
    assertEquals(-1, r.read());
  }
}
