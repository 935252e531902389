package io.candor.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A strict UTF-8 reader that turns ASCII bytes into characters itself and hands only the rest to
 * the JDK's decoder. It reads exactly the characters an {@code InputStreamReader} with {@code
 * StandardCharsets.UTF_8.newDecoder()} reads, and reports malformed or truncated input with the
 * same {@link java.nio.charset.CharacterCodingException}; a data file is almost all ASCII, and the
 * JDK's general decoding path was a sizeable part of reading one in a short command-line run (its
 * fast loops are compiled only by the optimising compiler, which such a run does not use).
 *
 * <p>Not thread-safe; closing it closes the stream.
 */
final class Utf8Reader extends Reader {

  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
  private final byte[] bytes;
  private final ByteBuffer buffer; // bytes[position .. limit) are read but not yet decoded
  private boolean eof;
  private boolean flushed;
  private int pending = -1; // the second half of a surrogate pair that did not fit, or -1

  Utf8Reader(InputStream in) {
    this(in, 1 << 16);
  }

  /** A reader with a byte buffer of the given size (at least 4, for tests of its boundaries). */
  Utf8Reader(InputStream in, int bufferSize) {
    this.in = Objects.requireNonNull(in, "in");
    if (bufferSize < 4) {
      throw new IllegalArgumentException("bufferSize must be at least 4, was " + bufferSize);
    }
    this.bytes = new byte[bufferSize];
    this.buffer = ByteBuffer.wrap(bytes);
    buffer.limit(0);
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, cbuf.length);
    if (len == 0) {
      return 0;
    }
    if (pending >= 0) {
      cbuf[off] = (char) pending;
      pending = -1;
      return 1;
    }
    while (true) {
      if (!buffer.hasRemaining()) {
        if (flushed) {
          return -1;
        }
        if (!eof) {
          fill();
        }
      }
      int p = buffer.position();
      int limit = buffer.limit();
      int n = 0;
      int max = Math.min(len, limit - p);
      while (n < max) {
        byte b = bytes[p];
        if (b < 0) {
          break;
        }
        cbuf[off + n] = (char) b;
        n++;
        p++;
      }
      buffer.position(p);
      if (n > 0) {
        return n;
      }
      if (p < limit || eof) {
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        CoderResult r = decoder.decode(buffer, out, eof);
        if (r.isError()) {
          if (out.position() > off) {
            return out.position() - off; // the characters before the bad bytes; they throw next
          }
          r.throwException();
        }
        if (eof && !buffer.hasRemaining() && !flushed) {
          r = decoder.flush(out);
          if (r.isError()) {
            r.throwException();
          }
          flushed = true;
        }
        int decoded = out.position() - off;
        if (decoded > 0) {
          return decoded;
        }
        if (r.isOverflow()) {
          // a surrogate pair and room for one char: hand out the first, keep the second
          CharBuffer pair = CharBuffer.allocate(2);
          r = decoder.decode(buffer, pair, eof);
          if (r.isError() && pair.position() == 0) {
            r.throwException();
          }
          cbuf[off] = pair.get(0);
          pending = pair.position() > 1 ? pair.get(1) : -1;
          return 1;
        }
        if (eof && !buffer.hasRemaining()) {
          return -1;
        }
      }
      if (!eof) {
        fill(); // a multi-byte character continues in the next bytes
      }
    }
  }

  /** Keeps the undecoded bytes and reads more after them; sets {@code eof} at the end. */
  private void fill() throws IOException {
    buffer.compact();
    int read = in.read(bytes, buffer.position(), buffer.remaining());
    if (read < 0) {
      eof = true;
    } else {
      buffer.position(buffer.position() + read);
    }
    buffer.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
