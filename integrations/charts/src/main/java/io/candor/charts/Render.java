package io.candor.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.jfree.graphics2d.svg.SVGGraphics2D;
import org.jfree.graphics2d.svg.ViewBox;

/**
 * The deterministic rendering pipeline (not public): one bundled font, fixed rendering hints,
 * locale-neutral numbers, IDs derived from the content, no time stamps.
 */
final class Render {

  static {
    // charts never open a window; set before the first AWT class loads (an application that set
    // it itself keeps its choice)
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** DejaVu Sans 2.37, bundled so that text metrics do not depend on the fonts installed. */
  static final Font FONT = loadFont("DejaVuSans.ttf");

  /** DejaVu Sans Bold 2.37 (Java2D does not embolden a loaded font by itself). */
  static final Font BOLD = loadFont("DejaVuSans-Bold.ttf");

  /** What SVG viewers use: the bundled font's family first, then near-identical fallbacks. */
  static final String SVG_FONT_FAMILY = "\"DejaVu Sans\", \"Bitstream Vera Sans\", Verdana, sans-serif";

  private static final String PREFIX_PLACEHOLDER = "cdPREFIXcd";

  /** Rendering hints fixed for every chart: grey-scale text anti-aliasing, fractional metrics. */
  static final Map<RenderingHints.Key, Object> HINTS = Map.of(
      RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON,
      RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON,
      RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON,
      RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE,
      RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY,
      RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY,
      RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);

  private Render() {}

  private static Font loadFont(String file) {
    try (InputStream in = Render.class.getResourceAsStream("fonts/" + file)) {
      if (in == null) {
        throw new IllegalStateException("the bundled font fonts/" + file + " is missing");
      }
      return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(12f);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled font", e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("the bundled font cannot be read", e);
    }
  }

  /** The bundled font at a size and style. */
  static Font font(int style, double size) {
    return (style == Font.BOLD ? BOLD : FONT).deriveFont(style, (float) size);
  }

  /** The {@code <svg>} element, with title and description and IDs derived from the content. */
  static String svgElement(Chart chart) {
    int w = chart.style().width();
    int h = chart.style().height();
    SVGGraphics2D g = new SVGGraphics2D(w, h);
    neutraliseNumbers(g);
    g.setDefsKeyPrefix(PREFIX_PLACEHOLDER);
    g.setFontMapper(family -> SVG_FONT_FAMILY);
    g.addRenderingHints(HINTS);
    g.setFont(FONT);
    chart.painter().paint(g, new Rectangle2D.Double(0, 0, w, h));
    String body = g.getSVGElement(null, true, new ViewBox(0, 0, w, h), null, null);
    String id = "candor-" + digest(chart.title() + '\n' + chart.description() + '\n' + body);
    body = body.replace(PREFIX_PLACEHOLDER, id + "-");
    int open = body.indexOf('>');
    return body.substring(0, open)
        + " role='img' aria-labelledby='" + id + "-title " + id + "-desc'>"
        + "<title id='" + id + "-title'>" + xml(chart.title()) + "</title>"
        + "<desc id='" + id + "-desc'>" + xml(chart.description()) + "</desc>"
        + body.substring(open + 1);
  }

  /** The PNG bytes, with the title and description as iTXt chunks. */
  static byte[] png(Chart chart) {
    ChartStyle style = chart.style();
    double scale = style.pngScale();
    int pw = (int) Math.round(style.width() * scale);
    int ph = (int) Math.round(style.height() * scale);
    BufferedImage image = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.addRenderingHints(HINTS);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, pw, ph);
      g.scale(scale, scale);
      g.setFont(FONT);
      chart.painter().paint(g, new Rectangle2D.Double(0, 0, style.width(), style.height()));
    } finally {
      g.dispose();
    }
    return encodePng(image, chart.title(), chart.description());
  }

  private static byte[] encodePng(BufferedImage image, String title, String description) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      IIOMetadata meta = writer.getDefaultImageMetadata(
          ImageTypeSpecifier.createFromRenderedImage(image), param);
      IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
      IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
      itxt.appendChild(itxtEntry("Title", title));
      itxt.appendChild(itxtEntry("Description", description));
      root.appendChild(itxt);
      meta.mergeTree("javax_imageio_png_1.0", root);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, meta), param);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the PNG", e);
    } finally {
      writer.dispose();
    }
  }

  private static IIOMetadataNode itxtEntry(String keyword, String text) {
    IIOMetadataNode e = new IIOMetadataNode("iTXtEntry");
    e.setAttribute("keyword", keyword);
    e.setAttribute("compressionFlag", "FALSE");
    e.setAttribute("compressionMethod", "0");
    e.setAttribute("languageTag", "en");
    e.setAttribute("translatedKeyword", "");
    e.setAttribute("text", text);
    return e;
  }

  /**
   * JFreeSVG 3.4 writes coordinates with the default locale's digits and minus sign (a Swedish or
   * Persian default locale would give invalid SVG); give the canvas locale-neutral formats of the
   * same precision (two decimals for geometry, six for transforms, as its defaults).
   */
  private static void neutraliseNumbers(SVGGraphics2D g) {
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    set(g, "geometryFormat", new DecimalFormat("0.##", symbols));
    set(g, "transformFormat", new DecimalFormat("0.######", symbols));
  }

  private static void set(SVGGraphics2D g, String field, DecimalFormat format) {
    try {
      Field f = SVGGraphics2D.class.getDeclaredField(field);
      f.setAccessible(true);
      f.set(g, format);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("this JFreeSVG version has no field " + field
          + "; candor-charts needs JFreeSVG 3.4.x", e);
    }
  }

  /** Ten hex digits of the SHA-256 of the text: stable, and distinct for distinct charts. */
  private static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** XML text: escapes the five special characters. */
  static String xml(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
