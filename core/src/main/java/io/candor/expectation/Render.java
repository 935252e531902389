package io.candor.expectation;

import io.candor.evidence.Citation;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the three renderers share: the messages of one locale and the formatting of scores, ranges,
 * citations and lists. Not part of the API.
 */
final class Render {

  final Messages m;

  Render(Messages m) {
    this.m = m;
  }

  /** A score at its instrument's resolution (17, 23.2). */
  String score(Instrument instrument, double v) {
    int decimals = 0;
    double r = instrument.resolution();
    while (decimals < 6 && Math.abs(r * Math.pow(10, decimals)
        - Math.rint(r * Math.pow(10, decimals))) > 1e-9) {
      decimals++;
    }
    return m.number(v, decimals);
  }

  /** "session 1: 17, session 2: 16". */
  String observed(ClientProfile p) {
    List<String> parts = new ArrayList<>();
    p.observed().forEach(o -> parts.add(m.text("format.session.score", m.count(o.session()),
        score(p.instrument(), o.score()))));
    return join(parts);
  }

  String join(List<String> parts) {
    return String.join(m.text("format.list.separator"), parts);
  }

  /** "Howard et al. 1986" (or the client's wording) from the bundle. */
  String cite(Citation c, String prefix) {
    List<String> names = c.surnames();
    String year = Integer.toString(c.year());
    if (names.size() == 1) {
      return m.text(prefix + "cite.one", names.get(0), year);
    }
    if (names.size() == 2) {
      return m.text(prefix + "cite.two", names.get(0), names.get(1), year);
    }
    return m.text(prefix + "cite.many", names.get(0), year);
  }

  /** Citations in running text, separated by the list separator. */
  String cites(List<Citation> cs, String prefix) {
    List<String> parts = new ArrayList<>();
    cs.forEach(c -> parts.add(cite(c, prefix)));
    return join(parts);
  }

  /** A share as a percentage. */
  String percent(double p) {
    return m.percent(p);
  }

  /** "45.5 % to 52.0 %". */
  String range(double lo, double hi) {
    return m.text("format.range", percent(lo), percent(hi));
  }

  /** The outcome names for icon legends. */
  Map<Outcome, String> iconLabels() {
    Map<Outcome, String> out = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      out.put(o, m.text("icon." + o.name()));
    }
    return out;
  }

  /** The symbols of the plain-text icon arrays. */
  Map<Outcome, String> symbols() {
    Map<Outcome, String> out = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      out.put(o, m.text("symbol." + o.name()));
    }
    return out;
  }

  /** Whether higher scores are worse on the report's instrument. */
  static boolean higherIsWorse(ExpectationReport r) {
    return r.profile().instrument().direction() == Direction.HIGHER_IS_WORSE;
  }

  /**
   * The horizon a renderer speaks about: the one asked for (which must be a horizon of the
   * report), else 12 when the report has it, else the largest horizon up to 12, else the first.
   */
  static int headline(ExpectationReport r, java.util.OptionalInt asked) {
    if (asked.isPresent()) {
      int h = asked.getAsInt();
      if (!r.horizons().contains(h)) {
        throw new IllegalArgumentException("horizon " + h + " is not in the report; its horizons"
            + " are " + r.horizons());
      }
      return h;
    }
    int best = -1;
    for (int h : r.horizons()) {
      if (h <= 12) {
        best = h;
      }
    }
    return best > 0 ? best : r.horizons().get(0);
  }

  /** The probability of an outcome at a horizon the report has. */
  static Probability at(ExpectationReport r, Outcome o, int horizon) {
    return r.probability(o, horizon).orElseThrow(() -> new IllegalStateException(
        "the report has no " + o + " at session " + horizon));
  }
}
