/**
 * Charts of Candor's results as SVG and PNG: a client's scores against the expected band with the
 * alerts marked, Kaplan–Meier curves with numbers at risk, dose–effect curves, fan charts of
 * simulated cohorts and icon arrays. Drawn by JFreeChart and written as SVG by JFreeSVG, headless;
 * the same input gives the same bytes. Every chart carries a title and a plain-language
 * description (SVG {@code <title>} and {@code <desc>}, PNG text chunks), uses the Okabe–Ito
 * colour-blind-safe palette and tells its series apart by line style and marker as well as by
 * colour, so it reads in greyscale.
 *
 * <p>Start with a chart's {@code withDefaults()}, e.g. {@link io.candor.charts.TrajectoryChart},
 * and render the {@link io.candor.charts.Chart} it draws.
 */
package io.candor.charts;
