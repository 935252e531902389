package io.candor.expectation;

import io.candor.internal.Checks;
import io.candor.measure.Instrument;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The report for a service: a caseload's expected outcomes at one session, added up over its
 * clients' {@link ExpectationReport}s ({@link ServiceSummary}), with ranges, the clients with a
 * risk-item flag (never hidden by good numbers elsewhere), how many clients' items were not seen,
 * a row per client, and what the counts are not (targets or rankings). Every word comes from the
 * resource bundle of the chosen locale.
 *
 * <p>Immutable and thread-safe; {@code withXxx} returns a copy.
 */
public final class ServiceRenderer extends AbstractRenderer<ServiceRenderer> {

  private ServiceRenderer(RenderOptions options) {
    super(options);
  }

  @Override
  ServiceRenderer copy(RenderOptions newOptions) {
    return new ServiceRenderer(newOptions);
  }

  /**
   * English, at session 12 when every report has it (else the largest session up to 12 that all
   * have, else the first they all have).
   *
   * @return the renderer
   */
  public static ServiceRenderer withDefaults() {
    return new ServiceRenderer(RenderOptions.DEFAULTS);
  }

  /**
   * The caseload's summary at the renderer's session.
   *
   * @param labels a distinct label per client, in caseload order
   * @param reports the clients' reports, in the same order
   * @return the summary
   * @throws IllegalArgumentException if the lists disagree or the reports share no session
   */
  public ServiceSummary summarise(List<String> labels, List<ExpectationReport> reports) {
    return ServiceSummary.of(labels, reports, session(reports));
  }

  /**
   * The caseload report as plain text.
   *
   * @param labels a distinct label per client, in caseload order
   * @param reports the clients' reports, in the same order
   * @return the text
   * @throws IllegalArgumentException if the lists disagree or the reports share no session
   */
  public String text(List<String> labels, List<ExpectationReport> reports) {
    return document(labels, reports).text();
  }

  /**
   * The caseload report as one self-contained HTML page.
   *
   * @param labels a distinct label per client, in caseload order
   * @param reports the clients' reports, in the same order
   * @return the page
   * @throws IllegalArgumentException if the lists disagree or the reports share no session
   */
  public String html(List<String> labels, List<ExpectationReport> reports) {
    return document(labels, reports).html();
  }

  private int session(List<ExpectationReport> reports) {
    Checks.nonEmptyNoNulls("reports", reports);
    TreeSet<Integer> common = new TreeSet<>(reports.get(0).horizons());
    for (ExpectationReport r : reports) {
      common.retainAll(r.horizons());
    }
    if (options.horizon().isPresent()) {
      return options.horizon().getAsInt();
    }
    if (common.isEmpty()) {
      throw new IllegalArgumentException("the reports share no session horizon; make them with the"
          + " same horizons and planned sessions, or choose one with withHorizon");
    }
    Integer upTo = common.floor(12);
    return upTo != null ? upTo : common.first();
  }

  /** One client's report as a caseload of one, labelled {@code client}. */
  @Override
  Doc document(ExpectationReport report) {
    return document(List.of("client"), List.of(report));
  }

  Doc document(List<String> labels, List<ExpectationReport> reports) {
    ServiceSummary s = summarise(labels, reports);
    Render w = options.render();
    Messages m = w.m;
    int n = s.clients().size();
    Doc doc = new Doc(m.text("service.title"), options.locale());
    doc.paragraph(m.text("service.intro", n, m.count(s.horizon())));

    doc.heading(m.text("service.risk.heading"));
    List<String> risk = new ArrayList<>();
    if (!s.flagged().isEmpty()) {
      risk.add(m.text("service.risk.flags", s.flagged().size(), n, w.join(s.flagged())));
    } else if (s.itemsNotSeen() < n) {
      risk.add(m.text("service.risk.none"));
    }
    if (s.itemsNotSeen() > 0) {
      risk.add(m.text("service.risk.not.seen", s.itemsNotSeen(), n));
    }
    doc.bullets(risk);

    doc.paragraph(m.text("service.lead", n, m.count(s.horizon())));
    List<String> lines = new ArrayList<>();
    for (ExpectedCount c : s.outcomes()) {
      lines.add(m.text("service.outcome", m.text("outcome." + c.outcome().name()),
          m.count(Math.round(c.expected())), m.count((long) Math.floor(c.lower())),
          m.count((long) Math.ceil(c.upper()))));
    }
    doc.bullets(lines);
    s.recovery().ifPresent(c -> doc.paragraph(m.text("service.recovery", c.of(),
        m.count(Math.round(c.expected())), m.count((long) Math.floor(c.lower())),
        m.count((long) Math.ceil(c.upper())), m.count(s.horizon()))));
    doc.paragraph(m.text("service.range.text"));
    doc.paragraph(m.text("service.engagement",
        w.percent(reports.get(0).engagement().typicalMissedShare().value())));

    doc.heading(m.text("service.clients.heading"));
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ExpectationReport r = reports.get(i);
      Instrument inst = r.profile().instrument();
      Probability better = Render.at(r, Outcome.RELIABLE_IMPROVEMENT, s.horizon());
      Probability drop = Render.at(r, Outcome.DROPOUT, s.horizon());
      rows.add(List.of(s.clients().get(i), inst.id() + " " + w.score(inst, r.profile().intake()),
          w.percent(better.estimate()), w.percent(drop.estimate()),
          r.risk().itemsSeen() ? m.count(r.risk().flags().size())
              : m.text("service.clients.flags.not.seen")));
    }
    doc.table(List.of(m.text("service.clients.col.client"), m.text("service.clients.col.intake"),
        m.text("service.clients.col.improvement"), m.text("service.clients.col.dropout"),
        m.text("service.clients.col.flags")), rows);
    doc.paragraph(m.text("service.caveat"));
    return doc;
  }
}
