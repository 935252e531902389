package io.candor.expectation;

import java.util.Locale;

/**
 * What the three renderers share: the language, the session they speak about, and writing one
 * report as text or HTML. Not part of the API: {@link ClientRenderer}, {@link TherapistRenderer}
 * and {@link ServiceRenderer} are.
 *
 * @param <T> the renderer type, which the {@code withXxx} copies return
 */
abstract class AbstractRenderer<T extends AbstractRenderer<T>> {

  final RenderOptions options;

  AbstractRenderer(RenderOptions options) {
    this.options = options;
  }

  /** A renderer of the same type with these options. */
  abstract T copy(RenderOptions newOptions);

  /** The rendered report, before it is written out. */
  abstract Doc document(ExpectationReport report);

  /**
   * A copy in this language (the bundle {@code messages_xx.properties}; English where it has no
   * translation).
   *
   * @param l the locale
   * @return the copy
   */
  public T withLocale(Locale l) {
    return copy(options.withLocale(l));
  }

  /**
   * A copy that speaks about this session (it must be one of the report's horizons).
   *
   * @param session the session
   * @return the copy
   * @throws IllegalArgumentException if the session is below 1
   */
  public T withHorizon(int session) {
    return copy(options.withHorizon(session));
  }

  /**
   * The session this renderer speaks about in a report: the one chosen with {@link
   * #withHorizon(int)}, else 12 when the report has it, else the report's largest horizon before
   * 12, else its first. A drawing of the report (its icon array) uses it to show the statement the
   * text makes.
   *
   * @param report the report
   * @return the session
   * @throws IllegalArgumentException if the chosen horizon is not in the report
   */
  public int horizon(ExpectationReport report) {
    return Render.headline(java.util.Objects.requireNonNull(report, "report"), options.horizon());
  }

  /**
   * The report as plain text (icon arrays drawn in letters).
   *
   * @param report the report
   * @return the text
   * @throws IllegalArgumentException if the chosen horizon is not in the report
   */
  public String text(ExpectationReport report) {
    return document(report).text();
  }

  /**
   * The report as one self-contained HTML page (icon arrays as SVG).
   *
   * @param report the report
   * @return the page
   * @throws IllegalArgumentException if the chosen horizon is not in the report
   */
  public String html(ExpectationReport report) {
    return document(report).html();
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass()
        && ((AbstractRenderer<?>) o).options.equals(options);
  }

  @Override
  public int hashCode() {
    return getClass().hashCode() * 31 + options.hashCode();
  }

  @Override
  public String toString() {
    return options.describe(getClass().getSimpleName());
  }
}
