package io.candor.expectation;

import io.candor.evidence.Certainty;
import io.candor.evidence.Citation;
import io.candor.evidence.Citations;
import io.candor.measure.Instrument;
import io.candor.measure.RiskFlag;
import io.candor.simulation.PlausibleRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The report for the therapist: the risk items first (flags for review, or what was not seen, and
 * always that a zero does not rule risk out), the basis (profile, observed scores and how they
 * updated the numbers), every outcome at every horizon with the range to quote, the Monte Carlo
 * and sensitivity intervals apart, the expected scores, what to watch (a checkpoint, dropout,
 * deterioration), engagement as context, the chronic-course outlook, the latent trajectory
 * classes (when the profile has them), notices, the method with its certainty, every source, and
 * what the numbers do not mean. Every word comes from the resource
 * bundle of the chosen locale.
 *
 * <p>Immutable and thread-safe; {@code withXxx} returns a copy.
 */
public final class TherapistRenderer extends AbstractRenderer<TherapistRenderer> {

  /** The citations behind the latent-class section. */
  private static final List<String> CLASS_SOURCES = List.of(Citations.NAGIN_1999.key(),
      Citations.MUTHEN_1999.key(), Citations.STULZ_2007.key(), Citations.SAUNDERS_2019.key());

  private TherapistRenderer(RenderOptions options) {
    super(options);
  }

  @Override
  TherapistRenderer copy(RenderOptions newOptions) {
    return new TherapistRenderer(newOptions);
  }

  /**
   * English; "what to watch" speaks about session 12 when the report has it (else the nearest
   * horizon before it, else the first).
   *
   * @return the renderer
   */
  public static TherapistRenderer withDefaults() {
    return new TherapistRenderer(RenderOptions.DEFAULTS);
  }

  @Override
  Doc document(ExpectationReport r) {
    Objects.requireNonNull(r, "report");
    Render w = options.render();
    Messages m = w.m;
    ClientProfile p = r.profile();
    Instrument inst = p.instrument();
    int h = Render.headline(r, options.horizon());
    Doc doc = new Doc(m.text("therapist.title"), options.locale());

    risk(doc, w, r);

    doc.heading(m.text("therapist.profile.heading"));
    List<String> basis = new ArrayList<>();
    basis.add(m.text("therapist.profile.intake", inst.id(), w.score(inst, p.intake()),
        m.count(p.plannedSessions())));
    basis.add(p.course().map(c -> m.text("therapist.profile.course",
        m.text("course." + c.name()))).orElse(m.text("therapist.profile.course.unknown")));
    basis.add(p.readiness().map(s -> m.text("therapist.profile.readiness",
        m.text("readiness." + s.name()))).orElse(m.text("therapist.profile.readiness.unknown")));
    if (!p.observed().isEmpty()) {
      basis.add(m.text("therapist.profile.observed", w.observed(p)));
    }
    doc.bullets(basis);
    r.update().ifPresent(u -> {
      List<String> ws = new ArrayList<>();
      for (int k = 0; k < u.sessions().size(); k++) {
        ws.add(m.text("format.weight", m.count(u.sessions().get(k)),
            m.number(u.weights().get(k), 2)));
      }
      doc.paragraph(m.text("therapist.update", u.model(), w.join(ws), m.number(u.level(), 1),
          m.count(p.lastObservedSession()), m.number(u.comparableLevel(), 1),
          m.count(u.comparableClients())));
    });

    doc.heading(m.text("therapist.numbers.heading"));
    doc.paragraph(m.text("therapist.numbers.lead"));
    List<String> header = new ArrayList<>();
    header.add(m.text("therapist.numbers.col.outcome"));
    r.horizons().forEach(s -> header.add(m.text("therapist.numbers.col.session", m.count(s))));
    List<List<String>> rows = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      if (r.probability(o, r.horizons().get(0)).isEmpty()) {
        continue;
      }
      List<String> row = new ArrayList<>();
      row.add(m.text("outcome." + o.name()));
      for (int s : r.horizons()) {
        Probability pr = Render.at(r, o, s);
        row.add(m.text("therapist.numbers.cell", w.percent(pr.estimate()),
            m.text("format.range", w.percent(pr.lower()), w.percent(pr.upper()))));
      }
      rows.add(row);
    }
    doc.table(header, rows);
    r.halfImproved().ifPresentOrElse(ms -> doc.paragraph(ms.latestBeyondPlan()
            ? m.text("therapist.half.beyond", m.number(ms.session(), 1),
                m.count(p.plannedSessions()))
            : m.text("therapist.half", m.number(ms.session(), 1), m.number(ms.earliest(), 1),
                m.number(ms.latest(), 1))),
        () -> doc.paragraph(m.text("therapist.half.none", m.count(p.plannedSessions()))));

    doc.heading(m.text("therapist.uncertainty.heading"));
    List<String> ranges = new ArrayList<>();
    for (PlausibleRange pr : r.varied()) {
      ranges.add(m.text("range." + pr.name()) + " (" + pr.parameter() + ")");
    }
    doc.paragraph(m.text("therapist.uncertainty.text", m.count(r.comparableClients()),
        w.join(ranges), m.count(r.sensitivityClients()), w.cites(variedSources(r), "")));
    List<String> detail = new ArrayList<>();
    for (Outcome o : Outcome.EXCLUSIVE) {
      Probability pr = Render.at(r, o, h);
      detail.add(m.text("therapist.uncertainty.row", m.text("outcome." + o.name()), m.count(h),
          w.percent(pr.estimate()), w.range(pr.monteCarlo().lower(), pr.monteCarlo().upper()),
          w.range(pr.sensitivity().lower(), pr.sensitivity().upper()),
          w.range(pr.lower(), pr.upper())));
    }
    doc.bullets(detail);

    doc.heading(m.text("therapist.curve.heading"));
    doc.paragraph(m.text("therapist.curve.lead"));
    List<List<String>> curve = new ArrayList<>();
    for (CurvePoint c : r.curve()) {
      curve.add(List.of(m.count(c.session()), w.score(inst, c.median()),
          m.text("format.range", w.score(inst, c.p25()), w.score(inst, c.p75())),
          m.text("format.range", w.score(inst, c.p10()), w.score(inst, c.p90())),
          w.percent(c.attending())));
    }
    doc.table(List.of(m.text("therapist.curve.col.session"), m.text("therapist.curve.col.median"),
        m.text("therapist.curve.col.middle"), m.text("therapist.curve.col.wide"),
        m.text("therapist.curve.col.attending")), curve);

    doc.heading(m.text("therapist.watch.heading"));
    List<String> watch = new ArrayList<>();
    checkpoint(r, w).ifPresent(watch::add);
    Probability drop = Render.at(r, Outcome.DROPOUT, h);
    watch.add(m.text("therapist.watch.dropout", m.count(drop.naturalFrequency().count()),
        m.count(h), m.count(drop.naturalFrequency().lower()),
        m.count(drop.naturalFrequency().upper())));
    Probability worse = Render.at(r, Outcome.RELIABLE_DETERIORATION, h);
    watch.add(m.text("therapist.watch.deterioration", m.count(worse.naturalFrequency().count()),
        m.count(h), m.count(worse.naturalFrequency().lower()),
        m.count(worse.naturalFrequency().upper())));
    doc.bullets(watch);

    doc.heading(m.text("therapist.engagement.heading"));
    EngagementContext e = r.engagement();
    List<String> eng = new ArrayList<>();
    String typical = w.percent(e.typicalMissedShare().value());
    String grade = m.text("certainty." + e.typicalMissedShare().certainty().name());
    eng.add(e.attendance().map(a -> m.text("therapist.engagement.missed", m.count(a.missed()),
        m.count(a.offered()), w.percent(a.missedShare()), typical, grade))
        .orElse(m.text("therapist.engagement.missed.none", typical, grade)));
    String low = m.number(e.homeworkAssociationLow().value(), 2);
    String high = m.number(e.homeworkAssociationHigh().value(), 2);
    eng.add(e.homework().map(hw -> m.text("therapist.engagement.homework",
        m.count(hw.completed()), m.count(hw.assigned()), w.percent(hw.completedShare()), low, high,
        m.text("certainty." + e.homeworkAssociationHigh().certainty().name())))
        .orElse(m.text("therapist.engagement.homework.none", low, high)));
    e.readiness().ifPresent(s -> eng.add(m.text("therapist.engagement.readiness",
        m.text("readiness." + s.name()), m.number(e.readinessAssociation().value(), 2),
        m.text("certainty." + e.readinessAssociation().certainty().name()))));
    doc.bullets(eng);

    if (r.chronic().isPresent()) {
      ChronicOutlook c = r.chronic().get();
      Probability stable = Render.at(r, Outcome.STABLE_OR_BETTER, h);
      doc.heading(m.text("therapist.chronic.heading"));
      doc.paragraph(m.text("therapist.chronic.text", m.number(c.effectSize().value(), 2),
          m.text("certainty." + c.effectSize().certainty().name()),
          m.count(Math.round(c.sessionsForFullEffect().value())),
          w.score(inst, c.chronicLevel().value()), m.count(h),
          m.text("therapist.numbers.cell", w.percent(stable.estimate()),
              w.range(stable.lower(), stable.upper()))));
      doc.paragraph(m.text("therapist.chronic.relapse", w.percent(c.relapseWithinYear().value()),
          m.text("certainty." + c.relapseWithinYear().certainty().name())));
    }

    r.classes().ifPresent(c -> classes(doc, w, r, c));

    if (!r.notices().isEmpty()) {
      doc.heading(m.text("therapist.notices.heading"));
      List<String> ns = new ArrayList<>();
      r.notices().forEach(n -> ns.add(m.text("notice." + n.name(), inst.id())));
      doc.bullets(ns);
    }

    doc.heading(m.text("therapist.method.heading"));
    doc.paragraph(m.text("therapist.method.text", m.count(r.clients()), Long.toString(r.seed()),
        m.number(inst.reliableChange().orElseThrow().value(), 2),
        w.score(inst, inst.casenessCutoff().orElseThrow().value()),
        m.text("certainty." + r.probabilities().get(0).certainty().name())));
    doc.paragraph(m.text("therapist.method.sources"));
    List<String> refs = new ArrayList<>();
    r.sources().forEach(c -> refs.add(c.toString()));
    doc.bullets(refs);

    doc.heading(m.text("therapist.caveats.heading"));
    doc.bullets(List.of(m.text("therapist.caveat.people"), m.text("therapist.caveat.model"),
        m.text("therapist.caveat.dropout"), m.text("therapist.caveat.risk")));
    return doc;
  }

  /** The class model's probabilities beside the class shares, with each curve's shape. */
  private static void classes(Doc doc, Render w, ExpectationReport r, ClassOutlook c) {
    Messages m = w.m;
    Instrument inst = r.profile().instrument();
    doc.heading(m.text("therapist.classes.heading"));
    List<Citation> cites = r.sources().stream().filter(x -> CLASS_SOURCES.contains(x.key()))
        .toList();
    doc.paragraph(m.text("therapist.classes.lead", c.source(),
        c.fittedClients().isPresent()
            ? m.text("therapist.classes.fitted", m.count(c.fittedClients().getAsInt())) : "",
        m.text("therapist.classes.scores", c.observations()), w.cites(cites, ""),
        m.text("certainty." + Certainty.ASSUMPTION.name())));
    List<List<String>> rows = new ArrayList<>();
    for (ClassOutlook.Pattern p : c.patterns()) {
      rows.add(List.of(m.text("therapist.classes.class", m.count(p.index())),
          w.percent(p.share()), w.percent(p.probability()), m.count(p.count()),
          w.score(inst, p.start()), w.score(inst, p.end()),
          m.text("therapist.classes." + p.trend().name(),
              m.count(p.improvedBy().orElse(c.lastSession())))));
    }
    doc.table(List.of(m.text("therapist.classes.col.class"),
        m.text("therapist.classes.col.share"), m.text("therapist.classes.col.probability"),
        m.text("therapist.classes.col.count"), m.text("therapist.classes.col.start"),
        m.text("therapist.classes.col.end", m.count(c.lastSession())),
        m.text("therapist.classes.col.shape")), rows);
    doc.paragraph(m.text("therapist.classes.caveat", inst.id()));
  }

  private static List<Citation> variedSources(ExpectationReport r) {
    List<Citation> out = new ArrayList<>();
    for (PlausibleRange pr : r.varied()) {
      if (!out.contains(pr.source())) {
        out.add(pr.source());
      }
    }
    return out;
  }

  /** The checkpoint: the first horizon's median and the 75th/90th worse percentiles. */
  private static Optional<String> checkpoint(ExpectationReport r, Render w) {
    Messages m = w.m;
    Instrument inst = r.profile().instrument();
    int s = r.horizons().get(0);
    for (CurvePoint c : r.curve()) {
      if (c.session() == s) {
        boolean worseHigh = Render.higherIsWorse(r);
        return Optional.of(m.text(worseHigh ? "therapist.watch.checkpoint.worse"
                : "therapist.watch.checkpoint.better", m.count(s), w.score(inst, c.median()),
            w.score(inst, worseHigh ? c.p75() : c.p25()),
            w.score(inst, worseHigh ? c.p90() : c.p10())));
      }
    }
    return Optional.empty();
  }

  static void risk(Doc doc, Render w, ExpectationReport r) {
    Messages m = w.m;
    RiskReview risk = r.risk();
    Instrument inst = r.profile().instrument();
    if (!risk.itemsSeen() && risk.riskItems().isEmpty()) {
      return;
    }
    doc.heading(m.text("therapist.risk.heading"));
    List<String> lines = new ArrayList<>();
    if (risk.itemsSeen()) {
      for (RiskFlag f : risk.flags()) {
        lines.add(f.response().isPresent()
            ? m.text("therapist.risk.flag", f.instrumentId(), m.count(f.item()),
                m.count(f.response().getAsInt()))
            : m.text("therapist.risk.blank", f.instrumentId(), m.count(f.item())));
      }
      if (risk.flags().isEmpty()) {
        lines.add(m.text("therapist.risk.none", inst.id()));
      }
    } else {
      for (int item : risk.riskItems()) {
        lines.add(m.text("therapist.risk.not.seen", inst.id(), m.count(item)));
      }
    }
    doc.bullets(lines);
    doc.paragraph(m.text("therapist.risk.zero"));
    doc.paragraph(m.text("therapist.risk.policy"));
  }
}
