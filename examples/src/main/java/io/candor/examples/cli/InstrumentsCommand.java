package io.candor.examples.cli;

import io.candor.evidence.Citation;
import io.candor.evidence.Sourced;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.measure.Norms;
import io.candor.measure.SeverityBand;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code candor instruments}: the built-in catalog with every figure, its certainty and source. */
@Command(
    name = "instruments",
    mixinStandardHelpOptions = true,
    description = "List the built-in instruments with their figures, how sure Candor is of each"
        + " (primary, secondary, assumption) and the citations.")
public final class InstrumentsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    output.checkFiles();
    output.emit(spec, new Result());
    return 0;
  }

  /** The catalog in each output format. */
  record Result() implements CliResult {

    @Override
    public void printText(PrintWriter out) {
      out.println(text());
    }

    @Override
    public Object json() {
      return catalog();
    }

    @Override
    public Optional<CsvTable> table() {
      CsvTable t = new CsvTable("instrument", "figure", "value", "certainty", "source", "note");
      for (Instrument i : Instruments.all()) {
        for (Map.Entry<String, Sourced> e : figures(i).entrySet()) {
          Sourced f = e.getValue();
          t.row(i.id(), e.getKey(), f.value(), f.certainty(), f.source().key(), f.note());
        }
      }
      return Optional.of(t);
    }
  }

  private static Map<String, Sourced> figures(Instrument i) {
    Map<String, Sourced> m = new LinkedHashMap<>();
    i.casenessCutoff().ifPresent(s -> m.put("casenessCutoff", s));
    m.put("reliability", i.reliability());
    i.reliableChange().ifPresent(s -> m.put("reliableChange", s));
    i.clinicalNorms().ifPresent(n -> putNorms(m, "clinical", n));
    i.functionalNorms().ifPresent(n -> putNorms(m, "functional", n));
    i.bandsSource().ifPresent(s -> m.put("bands", s));
    return m;
  }

  private static void putNorms(Map<String, Sourced> m, String prefix, Norms n) {
    m.put(prefix + "Mean", n.mean());
    m.put(prefix + "Sd", n.sd());
  }

  static String text() {
    StringBuilder b = new StringBuilder();
    Map<String, Citation> cited = new LinkedHashMap<>();
    for (Instrument i : Instruments.all()) {
      b.append(String.format(Locale.ROOT, "%s  %s  (%s-%s, %s)%n", i.id(), i.name(),
          CliText.number(i.minScore()), CliText.number(i.maxScore()),
          i.direction().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
      for (Map.Entry<String, Sourced> e : figures(i).entrySet()) {
        Sourced s = e.getValue();
        cited.put(s.source().key(), s.source());
        b.append(String.format(Locale.ROOT, "    %-16s %-7s %-10s [%s] %s%n", e.getKey(),
            CliText.number(s.value()), s.certainty().name().toLowerCase(Locale.ROOT), s.source().key(),
            s.note()));
      }
      if (!i.bands().isEmpty()) {
        StringBuilder bands = new StringBuilder();
        for (SeverityBand band : i.bands()) {
          bands.append(bands.length() == 0 ? "" : ", ").append(band);
        }
        b.append("    bands            ").append(bands).append(System.lineSeparator());
      }
      b.append("    licence          ").append(i.licence()).append(System.lineSeparator());
    }
    b.append(System.lineSeparator()).append("Sources:").append(System.lineSeparator());
    for (Citation c : cited.values()) {
      b.append("  [").append(c.key()).append("] ").append(c).append(System.lineSeparator());
    }
    b.append("primary = seen in the primary source; secondary = confirmed by an independent"
        + " secondary source; assumption = documented but not confirmed.");
    return b.toString();
  }

  static InstrumentCatalog catalog() {
    List<InstrumentCatalog.Entry> entries = new ArrayList<>();
    Map<String, Citation> cited = new LinkedHashMap<>();
    for (Instrument i : Instruments.all()) {
      Map<String, Sourced> figures = figures(i);
      figures.values().forEach(f -> cited.put(f.source().key(), f.source()));
      entries.add(new InstrumentCatalog.Entry(i.id(), i.name(), i.minScore(), i.maxScore(),
          i.resolution(), i.direction(), i.licence(), i.itemScoring().isPresent(), figures,
          i.bands()));
    }
    return new InstrumentCatalog(entries, List.copyOf(cited.values()));
  }
}
