package io.candor.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A drawn chart, ready to be written as SVG or PNG. It carries a title and a plain-language
 * description of what it shows, written into the SVG as {@code <title>} and {@code <desc>} (with
 * {@code role="img"} and {@code aria-labelledby}) and into the PNG as iTXt chunks, so screen
 * readers and search tools can read it; use them as the alt text where the chart is embedded.
 *
 * <p><b>Same input, same bytes.</b> Each rendering draws afresh with the bundled DejaVu Sans font,
 * fixed rendering hints, locale-neutral numbers and SVG IDs derived from the content (so two
 * charts inline in one HTML page never clash): the same chart gives byte-identical SVG on every
 * JVM and platform, and byte-identical PNG on the same JDK and FreeType build (anti-aliased
 * text rasterisation is the JDK's and the platform's).
 *
 * <p>Immutable and thread-safe: renderings may run concurrently.
 */
public final class Chart {

  private final String title;
  private final String description;
  private final ChartStyle style;
  private final Painter painter;

  Chart(String title, String description, ChartStyle style, Painter painter) {
    this.title = Args.nonBlank("title", title);
    this.description = Args.nonBlank("description", description);
    this.style = Objects.requireNonNull(style, "style");
    this.painter = Objects.requireNonNull(painter, "painter");
  }

  /**
   * The title, as drawn at the top and written into the SVG {@code <title>}.
   *
   * @return the title
   */
  public String title() {
    return title;
  }

  /**
   * What the chart shows, in words: the alt text.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * The style it is drawn in.
   *
   * @return the style
   */
  public ChartStyle style() {
    return style;
  }

  Painter painter() {
    return painter;
  }

  /**
   * The {@code <svg>} element alone, for inline use in an HTML page.
   *
   * @return the element
   */
  public String toSvgElement() {
    return Render.svgElement(this);
  }

  /**
   * A standalone SVG document (UTF-8), with an XML declaration, ending in a newline.
   *
   * @return the document
   */
  public String toSvg() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + toSvgElement() + "\n";
  }

  /**
   * The chart as PNG, {@link ChartStyle#pngScale()} pixels per CSS pixel, on white.
   *
   * @return the PNG bytes
   */
  public byte[] toPng() {
    return Render.png(this);
  }

  /**
   * Writes {@link #toSvg()} to a file (UTF-8), replacing it.
   *
   * @param file the file
   * @throws UncheckedIOException if it cannot be written (the message names the file)
   */
  public void writeSvg(Path file) {
    write(file, toSvg().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes {@link #toPng()} to a file, replacing it.
   *
   * @param file the file
   * @throws UncheckedIOException if it cannot be written (the message names the file)
   */
  public void writePng(Path file) {
    write(file, toPng());
  }

  private static void write(Path file, byte[] bytes) {
    Objects.requireNonNull(file, "file");
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "Chart[" + title + ", " + style + "]";
  }
}
