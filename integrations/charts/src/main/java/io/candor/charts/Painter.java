package io.candor.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/** Draws a chart onto a canvas; called afresh for every rendering (not public). */
@FunctionalInterface
interface Painter {

  /**
   * Draws into {@code area} (CSS pixels) of {@code g}.
   *
   * @param g the canvas: SVG or a raster image
   * @param area the area to fill
   */
  void paint(Graphics2D g, Rectangle2D area);
}
