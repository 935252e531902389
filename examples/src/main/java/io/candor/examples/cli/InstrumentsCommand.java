package io.candor.examples.cli;

import io.candor.evidence.Citation;
import io.candor.evidence.Sourced;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.measure.Norms;
import io.candor.measure.SeverityBand;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code candor instruments}: the built-in catalog with every figure, its certainty and source. */
@Command(
    name = "instruments",
    mixinStandardHelpOptions = true,
    description = "List the built-in instruments with their figures, how sure Candor is of each"
        + " (primary, secondary, assumption) and the citations.")
public final class InstrumentsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? toJson() : text());
    out.flush();
    return 0;
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

  static String toJson() {
    JsonMapper mapper = JsonMapper.builder().build();
    ObjectNode root = mapper.createObjectNode();
    ArrayNode list = root.putArray("instruments");
    for (Instrument i : Instruments.all()) {
      ObjectNode n = list.addObject();
      n.put("id", i.id());
      n.put("name", i.name());
      n.put("minScore", i.minScore());
      n.put("maxScore", i.maxScore());
      n.put("direction", i.direction().name());
      n.put("licence", i.licence());
      n.put("itemScoring", i.itemScoring().isPresent());
      ObjectNode figs = n.putObject("figures");
      for (Map.Entry<String, Sourced> e : figures(i).entrySet()) {
        Sourced s = e.getValue();
        ObjectNode f = figs.putObject(e.getKey());
        f.put("value", s.value());
        f.put("certainty", s.certainty().name());
        f.put("source", s.source().key());
        f.put("citation", s.source().toString());
        f.put("note", s.note());
      }
      ArrayNode bands = n.putArray("bands");
      for (SeverityBand band : i.bands()) {
        ObjectNode o = bands.addObject();
        o.put("label", band.label());
        o.put("lower", band.lower());
        o.put("upper", band.upper());
      }
    }
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }
}
