package io.candor.charts;

import java.util.Locale;
import java.util.Objects;

/**
 * How a chart looks: its size in CSS pixels, the base font size, the PNG pixel density and the
 * palette. Line styles and markers are fixed per series (solid, dashed, dotted, dash-dot, …;
 * circle, square, triangle, diamond, …), so a chart never relies on colour alone.
 *
 * <p>Immutable and thread-safe; {@code equals}, {@code hashCode} and {@code toString} compare and
 * show every setting.
 */
public final class ChartStyle {

  /** Default width in CSS pixels. */
  public static final int DEFAULT_WIDTH = 720;
  /** Default height in CSS pixels. */
  public static final int DEFAULT_HEIGHT = 450;
  /** Default base font size in points (axis labels; titles are larger, tick labels smaller). */
  public static final double DEFAULT_FONT_SIZE = 12;

  private static final ChartStyle DEFAULTS =
      new ChartStyle(DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_FONT_SIZE, 1, Palette.OKABE_ITO);

  private final int width;
  private final int height;
  private final double fontSize;
  private final double pngScale;
  private final Palette palette;

  private ChartStyle(int width, int height, double fontSize, double pngScale, Palette palette) {
    this.width = width;
    this.height = height;
    this.fontSize = fontSize;
    this.pngScale = pngScale;
    this.palette = palette;
  }

  /**
   * 720 × 450 pixels, 12-point text, PNG at one pixel per CSS pixel, the Okabe–Ito palette.
   *
   * @return the default style
   */
  public static ChartStyle withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy with another width.
   *
   * @param pixels CSS pixels, 200 to 4000
   * @return the copy
   * @throws IllegalArgumentException if the width is out of range
   */
  public ChartStyle withWidth(int pixels) {
    return new ChartStyle(Args.inRange("width", pixels, 200, 4000), height, fontSize, pngScale,
        palette);
  }

  /**
   * A copy with another height.
   *
   * @param pixels CSS pixels, 150 to 4000
   * @return the copy
   * @throws IllegalArgumentException if the height is out of range
   */
  public ChartStyle withHeight(int pixels) {
    return new ChartStyle(width, Args.inRange("height", pixels, 150, 4000), fontSize, pngScale,
        palette);
  }

  /**
   * A copy with another base font size.
   *
   * @param points 6 to 32
   * @return the copy
   * @throws IllegalArgumentException if the size is out of range or not a number
   */
  public ChartStyle withFontSize(double points) {
    return new ChartStyle(width, height, Args.inRange("fontSize", points, 6, 32), pngScale,
        palette);
  }

  /**
   * A copy with another PNG pixel density: 2 draws a 720-pixel-wide chart as 1440 pixels, sharp
   * on high-density screens and in print. SVG output does not depend on it.
   *
   * @param scale 1 to 4
   * @return the copy
   * @throws IllegalArgumentException if the scale is out of range or not a number
   */
  public ChartStyle withPngScale(double scale) {
    return new ChartStyle(width, height, fontSize, Args.inRange("pngScale", scale, 1, 4),
        palette);
  }

  /**
   * A copy with another palette.
   *
   * @param choice the palette
   * @return the copy
   */
  public ChartStyle with(Palette choice) {
    return new ChartStyle(width, height, fontSize, pngScale,
        Objects.requireNonNull(choice, "palette"));
  }

  /**
   * Width in CSS pixels.
   *
   * @return the width
   */
  public int width() {
    return width;
  }

  /**
   * Height in CSS pixels.
   *
   * @return the height
   */
  public int height() {
    return height;
  }

  /**
   * Base font size in points.
   *
   * @return the size
   */
  public double fontSize() {
    return fontSize;
  }

  /**
   * PNG pixels per CSS pixel.
   *
   * @return the scale
   */
  public double pngScale() {
    return pngScale;
  }

  /**
   * The palette.
   *
   * @return the palette
   */
  public Palette palette() {
    return palette;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChartStyle s && width == s.width && height == s.height
        && Double.compare(fontSize, s.fontSize) == 0 && Double.compare(pngScale, s.pngScale) == 0
        && palette == s.palette;
  }

  @Override
  public int hashCode() {
    return Objects.hash(width, height, fontSize, pngScale, palette);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ChartStyle[%d x %d, font %s pt, png x%s, %s]", width,
        height, Args.num(fontSize), Args.num(pngScale), palette);
  }
}
