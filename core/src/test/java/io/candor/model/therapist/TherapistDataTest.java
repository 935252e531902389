package io.candor.model.therapist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Instruments;
import java.util.List;
import org.junit.jupiter.api.Test;

class TherapistDataTest {

  private static TherapistData of(String[] t, String[] c, double[] pre, double[] post) {
    return TherapistData.of(Instruments.PHQ9, t, c, pre, post);
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void of_keepsRowsAndTherapistsInFirstSeenOrder() {
    TherapistData d = of(new String[] {"B", "A", "B"}, new String[] {"x", "y", "z"},
        new double[] {15, 12, 20}, new double[] {9, 12, 18});
    assertEquals(List.of("B", "A"), d.therapists());
    assertArrayEquals(new int[] {0, 1, 0}, d.therapistIndex());
    assertArrayEquals(new int[] {2, 1}, d.caseloads());
    assertEquals(3, d.size());
    assertTrue(d.toString().contains("3 clients of 2 therapists on PHQ-9"), d.toString());
  }

  @Test
  void data_areValues() {
    TherapistData a = of(new String[] {"B", "A", "B"}, new String[] {"x", "y", "z"},
        new double[] {15, 12, 20}, new double[] {9, 12, 18});
    TherapistData b = of(new String[] {"B", "A", "B"}, new String[] {"x", "y", "z"},
        new double[] {15, 12, 20}, new double[] {9, 12, 18});
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, a.withCovariate("age", new double[] {30, 40, 50}));
    assertEquals(a.withCovariate("age", new double[] {30, 40, 50}), b.withCovariate("age", new double[] {30, 40, 50}));
    assertNotEquals(a.hashCode(), a.withCovariate("age", new double[] {30, 40, 50}).hashCode());
    assertEquals("TherapistData[3 clients of 2 therapists on PHQ-9, covariates [age]]",
        a.withCovariate("age", new double[] {30, 40, 50}).toString());
    assertEquals("TherapistData[3 clients of 2 therapists on PHQ-9]", a.toString());
    assertNotEquals(a, of(new String[] {"B", "A", "B"}, new String[] {"x", "y", "z"},
        new double[] {15, 12, 20}, new double[] {9, 12, 17}));
  }

  @Test
  void of_rejectsAClientUnderTwoTherapists_namingTheClient() {
    String m = message(() -> of(new String[] {"A", "B", "B"}, new String[] {"x", "y", "x"},
        new double[] {15, 12, 20}, new double[] {9, 12, 18}));
    assertTrue(m.contains("client x is listed under two therapists: A (row 1) and B (row 3)"), m);
    m = message(() -> of(new String[] {"A", "B", "A"}, new String[] {"x", "y", "x"},
        new double[] {15, 12, 20}, new double[] {9, 12, 18}));
    assertTrue(m.contains("client x appears twice, in rows 1 and 3"), m);
  }

  @Test
  void of_rejectsOneTherapistOnly_namingIt() {
    String m = message(() -> of(new String[] {"A", "A"}, new String[] {"x", "y"},
        new double[] {15, 12}, new double[] {9, 12}));
    assertTrue(m.contains("at least 2 therapists") && m.contains("(A)"), m);
  }

  @Test
  void of_rejectsMissingAndOffScaleScores_namingRowAndClient() {
    String m = message(() -> of(new String[] {"A", "B"}, new String[] {"x", "y"},
        new double[] {15, Double.NaN}, new double[] {9, 12}));
    assertTrue(m.contains("pre score in row 2 (client y) is missing"), m);
    m = message(() -> of(new String[] {"A", "B"}, new String[] {"x", "y"},
        new double[] {15, 12}, new double[] {9, 28}));
    assertTrue(m.contains("row 2 (client y)") && m.contains("between 0 and 27, was 28"), m);
  }

  @Test
  void of_rejectsBlankIdsMismatchedLengthsAndEmptyData() {
    assertTrue(message(() -> of(new String[] {"A", " "}, new String[] {"x", "y"},
        new double[] {15, 12}, new double[] {9, 12})).contains("therapist id in row 2"));
    assertTrue(message(() -> of(new String[] {"A", "B"}, new String[] {"x", ""},
        new double[] {15, 12}, new double[] {9, 12})).contains("client id in row 2"));
    assertTrue(message(() -> of(new String[] {"A"}, new String[] {"x", "y"},
        new double[] {15, 12}, new double[] {9, 12})).contains("same length"));
    assertTrue(message(() -> of(new String[0], new String[0], new double[0], new double[0]))
        .contains("at least one client"));
  }

  @Test
  void withCovariate_validatesNamesAndValues() {
    TherapistData d = of(new String[] {"A", "B"}, new String[] {"x", "y"},
        new double[] {15, 12}, new double[] {9, 12});
    TherapistData withAge = d.withCovariate("age", new double[] {30, 40});
    assertEquals(List.of("age"), withAge.covariateNames());
    assertArrayEquals(new double[] {30, 40}, withAge.covariate("age"));
    assertTrue(message(() -> withAge.withCovariate("age", new double[] {1, 2})).contains("taken"));
    assertTrue(message(() -> d.withCovariate("pre", new double[] {1, 2})).contains("reserved"));
    assertTrue(message(() -> d.withCovariate("age", new double[] {1, Double.NaN}))
        .contains("covariate age in row 2 (client y)"));
    assertTrue(message(() -> d.withCovariate("age", new double[] {1})).contains("2 clients"));
    assertTrue(message(() -> d.covariate("nope")).contains("no covariate named nope"));
  }
}
