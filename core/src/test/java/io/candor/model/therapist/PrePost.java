package io.candor.model.therapist;

import io.candor.measure.Instruments;
import io.candor.model.growth.Reference;
import java.util.List;

/** The committed simulated PHQ-9 intake/end data of {@code reference/therapists/prepost.csv}. */
final class PrePost {

  private PrePost() {}

  /** The data, with covariate {@code age}. */
  static TherapistData data() {
    List<String[]> rows = Reference.csv("therapists", "prepost.csv");
    return TherapistData.of(Instruments.PHQ9, Reference.strings(rows, "therapist"),
        Reference.strings(rows, "client"), Reference.doubles(rows, "pre"),
        Reference.doubles(rows, "post")).withCovariate("age", Reference.doubles(rows, "age"));
  }
}
