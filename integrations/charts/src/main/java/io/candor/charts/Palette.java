package io.candor.charts;

import io.candor.evidence.Citation;
import io.candor.progress.Signal;
import java.awt.Color;
import java.util.List;

/**
 * The colours of a chart. Series differ by line style and marker as well (see {@link
 * ChartStyle}), so a chart reads without colour; the palette only adds to that.
 */
public enum Palette {
  /**
   * The eight colours of Okabe &amp; Ito's Color Universal Design, distinguishable with every
   * common form of colour-vision deficiency (popularised for scientific figures by Wong 2011).
   * Series use blue, vermillion, bluish green, orange, reddish purple, sky blue, black and yellow,
   * in that order (yellow last: it has little contrast on white).
   */
  OKABE_ITO(List.of(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
      new Color(0xE69F00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000),
      new Color(0xF0E442))),
  /** Greys of clearly different lightness, for print in black and white. */
  GREYSCALE(List.of(new Color(0x000000), new Color(0x666666), new Color(0x999999),
      new Color(0x333333), new Color(0x808080), new Color(0x4D4D4D), new Color(0xB3B3B3),
      new Color(0x1A1A1A)));

  /** Okabe &amp; Ito's Color Universal Design palette. */
  public static final Citation OKABE_ITO_2008 = Citation.of("okabe2008", "Okabe M, Ito K", 2008,
      "Color Universal Design (CUD): how to make figures and presentations that are friendly to"
          + " colorblind people", "J*Fly: data depository for Drosophila researchers",
      "https://jfly.uni-koeln.de/color/");

  /** Wong's note that brought the Okabe–Ito palette to scientific figures. */
  public static final Citation WONG_2011 = Citation.of("wong2011", "Wong B", 2011,
      "Points of view: color blindness", "Nat Methods 8(6):441", "doi:10.1038/nmeth.1618");

  private final List<Color> series;

  Palette(List<Color> series) {
    this.series = series;
  }

  /**
   * The colour of series {@code index} (cycling after eight).
   *
   * @param index the series, from 0
   * @return the colour
   * @throws IllegalArgumentException if the index is negative
   */
  public Color series(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
    return series.get(index % series.size());
  }

  /**
   * The colour that marks an alert signal. In {@link #OKABE_ITO}: sky blue for the "white"
   * (functional) signal, bluish green for green, orange for yellow and vermillion for red; in
   * {@link #GREYSCALE} lighter to darker. Markers differ by shape too.
   *
   * @param signal the signal
   * @return its colour
   */
  public Color signal(Signal signal) {
    return switch (this) {
      case OKABE_ITO -> switch (signal) {
        case FUNCTIONAL -> new Color(0x56B4E9);
        case ADEQUATE_PROGRESS -> new Color(0x009E73);
        case LESS_THAN_EXPECTED -> new Color(0xE69F00);
        case AT_RISK -> new Color(0xD55E00);
      };
      case GREYSCALE -> switch (signal) {
        case FUNCTIONAL -> new Color(0xB3B3B3);
        case ADEQUATE_PROGRESS -> new Color(0x808080);
        case LESS_THAN_EXPECTED -> new Color(0x4D4D4D);
        case AT_RISK -> new Color(0x000000);
      };
    };
  }

  /**
   * The fill of one of {@code levels} nested bands around a line, a tint of series 0: level 0 is
   * the innermost, darkest band, each level outwards lighter.
   *
   * @param level 0 to {@code levels − 1}
   * @param levels number of nested bands, 1 to 8
   * @return the fill colour
   * @throws IllegalArgumentException if a number is out of range
   */
  public Color band(int level, int levels) {
    Args.inRange("levels", levels, 1, 8);
    Args.inRange("level", level, 0, levels - 1);
    return tint(series(0), levels == 1 ? 0.7 : 0.55 + 0.3 * level / (levels - 1));
  }

  /** A colour mixed with white: {@code amount} 0 is the colour, 1 is white. */
  static Color tint(Color c, double amount) {
    return new Color(mix(c.getRed(), amount), mix(c.getGreen(), amount), mix(c.getBlue(), amount));
  }

  private static int mix(int channel, double amount) {
    return (int) Math.round(channel + (255 - channel) * amount);
  }
}
