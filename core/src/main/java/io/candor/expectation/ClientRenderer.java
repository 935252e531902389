package io.candor.expectation;

import io.candor.evidence.Citation;
import io.candor.evidence.Citations;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.measure.RiskFlag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The report for the client, in plain language: natural frequencies out of 100 people with their
 * ranges, an icon array behind every such statement, what "much better" means, the time by which
 * half of similar people are much better, recovery, what success can mean for a long-lasting
 * course, the patterns of change (latent trajectory classes) the scores so far are close to
 * when the profile has them, engagement beside typical figures, the risk item whenever the form
 * asks about it, where the numbers come from and what they do not mean. Written at Flesch–Kincaid grade 8 or below
 * ({@link Readability}); every word comes from the resource bundle {@code
 * io/candor/expectation/messages} of the chosen locale.
 *
 * <p>The wording follows the risk-communication evidence: natural frequencies with one fixed
 * denominator and a time frame (Gigerenzer &amp; Hoffrage 1995; Trevena et al. 2013), a visual aid
 * (Galesic et al. 2009; Zipkin et al. 2014), the range beside every number, and "people like you,
 * not a forecast for you".
 *
 * <p>Immutable and thread-safe; {@code withXxx} returns a copy.
 */
public final class ClientRenderer extends AbstractRenderer<ClientRenderer> {

  private ClientRenderer(RenderOptions options) {
    super(options);
  }

  @Override
  ClientRenderer copy(RenderOptions newOptions) {
    return new ClientRenderer(newOptions);
  }

  /**
   * English, speaking about session 12 when the report has it (else the nearest horizon before it,
   * else the first).
   *
   * @return the renderer
   */
  public static ClientRenderer withDefaults() {
    return new ClientRenderer(RenderOptions.DEFAULTS);
  }

  /**
   * The prose of the report without tables and icon drawings, as {@link Readability} measures it.
   *
   * @param report the report
   * @return the prose, one heading, paragraph or list item per line
   */
  public String prose(ExpectationReport report) {
    return document(report).prose();
  }

  /**
   * The words the client text's icon arrays use for each outcome in this renderer's language
   * ("feel much better", "have stopped coming"), so that a drawing made elsewhere (a chart of
   * {@link ExpectationReport#iconArrays()}) speaks the text's words.
   *
   * @return every outcome's words, in the order of {@link Outcome}; unmodifiable
   */
  public Map<Outcome, String> iconLabels() {
    return Collections.unmodifiableMap(options.render().iconLabels());
  }

  @Override
  Doc document(ExpectationReport r) {
    Objects.requireNonNull(r, "report");
    Render w = options.render();
    Messages m = w.m;
    ClientProfile p = r.profile();
    Instrument inst = p.instrument();
    int h = Render.headline(r, options.horizon());
    Doc doc = new Doc(m.text("client.title"), options.locale());

    doc.paragraph(m.text("client.intro", inst.id(), w.score(inst, p.intake())));
    if (!p.observed().isEmpty()) {
      doc.paragraph(m.text("client.intro.observed", w.observed(p)));
    }
    boolean riskFirst = r.risk().needsReview();
    if (riskFirst) {
      risk(doc, w, r);
    }

    doc.paragraph(m.text("client.lead", m.count(h)));
    List<String> items = new ArrayList<>();
    for (Outcome o : Outcome.EXCLUSIVE) {
      NaturalFrequency nf = Render.at(r, o, h).naturalFrequency();
      items.add(m.text("client.outcome." + o.name(), m.count(nf.count()), m.count(nf.lower()),
          m.count(nf.upper())));
    }
    doc.bullets(items);
    doc.icons(r.iconArray(h, Outcome.RELIABLE_IMPROVEMENT).orElseThrow(), w.iconLabels(),
        w.symbols(), m.text("client.icons.caption", m.count(h)));
    doc.paragraph(m.text("client.not.you"));
    double rc = inst.reliableChange().orElseThrow().value();
    doc.paragraph(m.text(Render.higherIsWorse(r) ? "client.much.better.worse"
        : "client.much.better.better", m.number(rc, 2)));
    if (r.halfImproved().isPresent()) {
      doc.paragraph(m.text("client.half", m.count(Math.round(r.halfImproved().get().session()))));
    } else {
      doc.paragraph(m.text("client.half.none", m.count(p.plannedSessions())));
    }
    int last = r.horizons().get(r.horizons().size() - 1);
    if (last != h) {
      doc.paragraph(m.text("client.later", m.count(last),
          m.count(Render.at(r, Outcome.RELIABLE_IMPROVEMENT, last).naturalFrequency().count()),
          m.count(Render.at(r, Outcome.DROPOUT, last).naturalFrequency().count())));
    }
    if (r.probability(Outcome.RECOVERY, h).isPresent()) {
      NaturalFrequency nf = Render.at(r, Outcome.RECOVERY, h).naturalFrequency();
      String cutoff = w.score(inst, inst.casenessCutoff().orElseThrow().value());
      doc.paragraph(m.text(Render.higherIsWorse(r) ? "client.recovery.worse"
          : "client.recovery.better", cutoff, m.count(nf.count()), m.count(nf.lower()),
          m.count(nf.upper()), m.count(h)));
      doc.icons(r.iconArray(h, Outcome.RECOVERY).orElseThrow(), w.iconLabels(), w.symbols(),
          m.text("client.recovery.icons.caption", m.count(h)));
    }
    if (r.chronic().isPresent()) {
      doc.heading(m.text("client.chronic.heading"));
      doc.paragraph(m.text("client.chronic.meaning"));
      NaturalFrequency nf = Render.at(r, Outcome.STABLE_OR_BETTER, h).naturalFrequency();
      doc.paragraph(m.text("client.chronic.stable", m.count(nf.count()), m.count(nf.lower()),
          m.count(nf.upper()), m.count(h)));
      doc.paragraph(m.text("client.chronic.time",
          m.count(Math.round(r.chronic().get().sessionsForFullEffect().value()))));
    }
    r.classes().ifPresent(c -> classes(doc, w, c));
    if (p.attendance().isPresent() || p.homework().isPresent()) {
      doc.heading(m.text("client.engagement.heading"));
      p.attendance().ifPresent(a -> doc.paragraph(m.text("client.engagement.missed",
          m.count(a.missed()), m.count(a.offered()),
          m.count(Math.round(100 * r.engagement().typicalMissedShare().value())))));
      p.homework().ifPresent(hw -> doc.paragraph(m.text("client.engagement.homework",
          m.count(hw.completed()), m.count(hw.assigned()))));
    }
    if (!riskFirst && (r.risk().itemsSeen() || !r.risk().riskItems().isEmpty())) {
      risk(doc, w, r);
    }
    doc.heading(m.text("client.sources.heading"));
    List<Citation> calibration = List.of(Citations.HOWARD_1986, Citations.SWIFT_2012,
        Citations.LAMBERT_2013);
    doc.paragraph(inst.equals(Instruments.PHQ9)
        ? m.text("client.sources", w.cites(calibration, "client."))
        : m.text("client.sources.uncalibrated", w.cites(calibration, "client."), inst.id()));
    doc.heading(m.text("client.caveats.heading"));
    List<String> caveats = new ArrayList<>();
    for (Outcome o : Outcome.EXCLUSIVE) {
      caveats.add(m.text("client.caveat." + o.name()));
    }
    if (r.probability(Outcome.RECOVERY, h).isPresent()) {
      caveats.add(m.text(Render.higherIsWorse(r) ? "client.caveat.RECOVERY"
          : "client.caveat.RECOVERY.better"));
    }
    doc.bullets(caveats);
    return doc;
  }

  /** The latent trajectory classes as counts out of 100, the most likely first. */
  private static void classes(Doc doc, Render w, ClassOutlook c) {
    Messages m = w.m;
    doc.heading(m.text("client.classes.heading"));
    String k = m.count(c.patterns().size());
    doc.paragraph(c.fittedClients().isPresent()
        ? m.text("client.classes.lead", m.count(c.fittedClients().getAsInt()), k)
        : m.text("client.classes.lead.many", k));
    List<ClassOutlook.Pattern> order = new ArrayList<>(c.patterns());
    order.sort(Comparator.comparingInt(ClassOutlook.Pattern::count).reversed()
        .thenComparingInt(ClassOutlook.Pattern::index));
    List<String> items = new ArrayList<>();
    for (ClassOutlook.Pattern p : order) {
      String count = p.count() == 0 ? m.text("client.classes.fewer")
          : m.text("client.classes.about", m.count(p.count()));
      items.add(m.text("client.classes." + p.trend().name(), count,
          m.count(p.improvedBy().orElse(c.lastSession()))));
    }
    doc.bullets(items);
    doc.paragraph(m.text("client.classes.meaning"));
  }

  private static void risk(Doc doc, Render w, ExpectationReport r) {
    Messages m = w.m;
    doc.heading(m.text("client.risk.heading"));
    for (RiskFlag f : r.risk().flags()) {
      doc.paragraph(m.text(f.response().isPresent() ? "client.risk.flag" : "client.risk.blank",
          m.count(f.item())));
    }
    if (r.risk().needsReview()) {
      doc.paragraph(m.text("client.risk.urgent"));
    } else {
      doc.paragraph(m.text("client.risk.always"));
    }
  }
}
