package io.candor.examples.cli;

import io.candor.charts.Chart;
import io.candor.charts.ChartStyle;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * {@code --svg FILE} and {@code --png FILE}: the picture of a command's result, written after the
 * result itself and each file only as a whole (as {@link OutputOptions} writes), so that a failed
 * command leaves no picture and no half-written file behind.
 */
final class ChartOptions {

  @Option(names = "--svg", paramLabel = "FILE",
      description = "Also draw the chart as SVG (accessible: title and description inside).")
  Path svg;

  @Option(names = "--png", paramLabel = "FILE",
      description = "Also draw the chart as PNG (two pixels per CSS pixel).")
  Path png;

  /** Whether a picture was asked for. */
  boolean wanted() {
    return svg != null || png != null;
  }

  /** The style pictures are drawn in: the default, PNG at twice the density. */
  static ChartStyle style() {
    return ChartStyle.withDefaults().withPngScale(2);
  }

  /** Draws and writes the picture when one was asked for. */
  void write(Function<ChartStyle, Chart> draw) {
    if (!wanted()) {
      return;
    }
    Chart chart = draw.apply(style());
    if (svg != null) {
      OutputOptions.write(svg, chart.toSvg());
    }
    if (png != null) {
      OutputOptions.write(png, chart.toPng());
    }
  }

  /** Checks that no two of the output files are the same file. */
  void checkFiles(OutputOptions output) {
    java.util.Map<Path, String> seen = new java.util.HashMap<>();
    String[] names = {"--out", "--csv", "--svg", "--png"};
    Path[] files = {output.out, output.csv, svg, png};
    for (int i = 0; i < files.length; i++) {
      if (files[i] != null) {
        String before = seen.putIfAbsent(files[i].toAbsolutePath().normalize(), names[i]);
        if (before != null) {
          throw new IllegalArgumentException(before + " and " + names[i] + " name the same file "
              + files[i]);
        }
      }
    }
  }
}
