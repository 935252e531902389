package io.candor.caseload;

import io.candor.evidence.Statement;
import io.candor.internal.Checks;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A therapist's wellbeing scores over time, scale by scale, with the instrument's own caveats,
 * the credit line its licence asks for, and (when load was given) the load beside the scores with
 * published associations as context.
 *
 * <p>Nothing in a report labels a person: statements describe scores, bands and changes, and
 * repeat what the instrument's authors say a score can and cannot mean.
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrument the instrument's id
 * @param date the date of the latest assessment
 * @param assessments number of assessments in the history
 * @param baseline which earlier assessment changes are measured from
 * @param scales one report per scale scored at the latest assessment
 * @param caveats what the instrument's scores can and cannot mean, with sources
 * @param credit the credit line the instrument's licence asks for, if any
 * @param load the load beside the scores, by date (empty when no load was given)
 * @param context published associations between load and wellbeing, shown as context only
 *     (empty when no load was given)
 */
public record WellbeingReport(
    String instrument,
    LocalDate date,
    int assessments,
    Baseline baseline,
    List<ScaleReport> scales,
    List<Statement> caveats,
    Optional<String> credit,
    List<LoadRow> load,
    List<Statement> context) {

  /**
   * Validates the components.
   *
   * @param instrument the instrument's id
   * @param date the date of the latest assessment
   * @param assessments number of assessments in the history
   * @param baseline which earlier assessment changes are measured from
   * @param scales one report per scale scored at the latest assessment
   * @param caveats what the instrument's scores can and cannot mean, with sources
   * @param credit the credit line the instrument's licence asks for, if any
   * @param load the load beside the scores, by date (empty when no load was given)
   * @param context published associations between load and wellbeing, shown as context only
   *     (empty when no load was given)
   */
  public WellbeingReport {
    Checks.nonBlank("instrument", instrument);
    Objects.requireNonNull(date, "date");
    Checks.atLeast("assessments", assessments, 1);
    Objects.requireNonNull(baseline, "baseline");
    scales = List.copyOf(Checks.nonEmptyNoNulls("scales", scales));
    caveats = List.copyOf(Checks.noNulls("caveats", caveats));
    Objects.requireNonNull(credit, "credit");
    load = List.copyOf(Checks.noNulls("load", load));
    context = List.copyOf(Checks.noNulls("context", context));
  }

  /**
   * The report of one scale.
   *
   * @param scale the scale's id
   * @return its report
   * @throws IllegalArgumentException if the scale was not scored
   */
  public ScaleReport scale(String scale) {
    return scales.stream().filter(s -> s.scale().equalsIgnoreCase(scale)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no scale " + Checks.quote(scale)
            + " in the report;"
            + " it has " + scales.stream().map(ScaleReport::scale).toList()));
  }
}
