package io.candor.json;

import static io.candor.quick.QuickTheoriesAdapter.quick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.candor.domain.Client;
import io.candor.domain.ClientId;
import io.candor.domain.Cohort;
import io.candor.domain.Condition;
import io.candor.domain.Course;
import io.candor.domain.Observation;
import io.candor.domain.ScoreScale;
import io.candor.domain.Trajectory;
import io.candor.domain.UricaScores;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.measure.ItemScoring;
import io.candor.progress.ExpectedResponseModel;
import io.candor.robustness.LargeInputs;
import io.candor.robustness.Refusals;
import io.candor.testing.CandorGenerators;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandorJsonTest {

  private static <T> T roundTrip(T value, Class<T> type) {
    return CandorJson.fromJson(CandorJson.toJson(value), type);
  }

  @Test
  void trajectory_roundTripsExactly_property() {
    qt().withExamples(300)
        .forAll(quick(CandorGenerators.builtInInstrument()), quick(CandorGenerators.userInstrument()))
        .checkAssert(
            (builtIn, user) -> {
              var rng = org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(builtIn.hashCode() * 31L + user.hashCode());
              Trajectory a = CandorGenerators.trajectory(builtIn).generate(rng);
              Trajectory b = CandorGenerators.trajectory(user).generate(rng);
              assertEquals(a, roundTrip(a, Trajectory.class));
              assertEquals(b, roundTrip(b, Trajectory.class));
            });
  }

  @Test
  void clientsConditionsAndCohorts_roundTrip_property() {
    qt().withExamples(200)
        .forAll(quick(CandorGenerators.client()), quick(CandorGenerators.cohort(Instruments.ORS, 6)))
        .checkAssert(
            (client, cohort) -> {
              assertEquals(client, roundTrip(client, Client.class));
              assertEquals(cohort, roundTrip(cohort, Cohort.class));
            });
  }

  @Test
  void itemScoringWithRiskItems_roundTripsAndAbsentRiskItemsReadAsNone() {
    Instrument mine = Instruments.CORE10.toBuilder().build();
    assertEquals(mine.itemScoring(), roundTrip(mine, Instrument.class).itemScoring());
    ItemScoring risky = new ItemScoring(4, 0, 3, java.util.Set.of(2), 1, "MY-4").withRiskItems(4, 1);
    String json = CandorJson.toJson(risky);
    assertTrue(json.matches("(?s).*\"riskItems\" : \\[ 1, 4 \\].*"), json);
    assertEquals(risky, CandorJson.fromJson(json, ItemScoring.class));
    String older = json.replaceAll(",\\s*\"riskItems\" : \\[ 1, 4 \\]", "");
    assertEquals(java.util.Set.of(), CandorJson.fromJson(older, ItemScoring.class).riskItems());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> CandorJson.fromJson(json.replace("[ 1, 4 ]", "[ 5 ]"), ItemScoring.class));
    assertTrue(bad.getMessage().contains("risk item"), bad.getMessage());
  }

  @Test
  void builtInInstrumentsAndSourcedFigures_roundTrip() {
    for (Instrument i : Instruments.all()) {
      assertEquals(i, roundTrip(i, Instrument.class));
      i.casenessCutoff().ifPresent(c -> assertEquals(c, roundTrip(c, Sourced.class)));
    }
    qt().withExamples(200).forAll(quick(CandorGenerators.userInstrument()))
        .checkAssert(i -> assertEquals(i, roundTrip(i, Instrument.class)));
  }

  @Test
  void recordsWithoutCustomCodec_roundTripThroughJackson() {
    UricaScores u = new UricaScores(2.5, 3.25, 4.0, 1.75);
    assertEquals(u, roundTrip(u, UricaScores.class));
  }

  @Test
  void plainScaleTrajectory_roundTrips() {
    Trajectory t = Trajectory.ofScores(ClientId.of("rt"), ScoreScale.unbounded("ms"),
        new int[] {0, 1, 5}, new double[] {512.25, -3.5e9, 0.1});
    assertEquals(t, roundTrip(t, Trajectory.class));
  }

  @Test
  void envelope_carriesFormatVersionAndType() {
    String json = CandorJson.toJson(Condition.of("depression", Course.CHRONIC));
    assertTrue(json.contains("\"formatVersion\" : 1"), json);
    assertTrue(json.contains("\"type\" : \"Condition\""), json);
  }

  private static String trajectoryJson(String observations, String scale) {
    return "{\"format\":\"candor\",\"formatVersion\":1,\"type\":\"Trajectory\",\"value\":"
        + "{\"client\":\"a\",\"scale\":" + scale + ",\"observations\":" + observations + "}}";
  }

  /** The refusal's message, checked to be one line that repeats no record of the document. */
  private static String error(String json, Class<?> type) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CandorJson.fromJson(json, type));
    Refusals.check(e, json);
    return e.getMessage();
  }

  @Test
  void read_scoreOutOfRange_namesPathAndValue() {
    String m = error(trajectoryJson("[{\"session\":0,\"date\":null,\"score\":30}]", "\"PHQ-9\""), Trajectory.class);
    assertTrue(m.startsWith("trajectory:"), m);
    assertTrue(m.contains("between 0 and 27, was 30"), m);
  }

  @Test
  void read_missingField_namesIt() {
    String m = error(trajectoryJson("[{\"session\":0,\"date\":null}]", "\"PHQ-9\""), Trajectory.class);
    assertEquals("trajectory.observations[0].score is missing", m);
  }

  @Test
  void read_unknownInstrument_namesItAndListsKnown() {
    String m = error(trajectoryJson("[]", "\"PHQ-10\""), Trajectory.class);
    assertTrue(m.contains("trajectory.scale names an unknown instrument \"PHQ-10\""), m);
    assertTrue(m.contains("GAD-7"), m);
  }

  @Test
  void read_unknownVersionTypeOrFormat_isRefused() {
    assertTrue(error("{\"format\":\"candor\",\"formatVersion\":2,\"type\":\"Trajectory\",\"value\":{}}", Trajectory.class)
        .contains("formatVersion 2 is not supported"));
    assertTrue(error("{\"format\":\"candor\",\"formatVersion\":1,\"type\":\"Cohort\",\"value\":{}}", Trajectory.class)
        .contains("type is \"Cohort\" but a Trajectory was expected"));
    assertTrue(error("{\"format\":\"candor\",\"formatVersion\":1,\"type\":\"Cohort\",\"value\":{}}",
        ExpectedResponseModel.class)
        .contains("type is \"Cohort\" but an ExpectedResponseModel was expected"));
    assertTrue(error("{\"format\":\"x\",\"formatVersion\":1,\"type\":\"Trajectory\",\"value\":{}}", Trajectory.class)
        .contains("format must be \"candor\""));
    assertTrue(error("{not json", Trajectory.class).startsWith("not valid JSON"));
  }

  @Test
  void read_wrongTypesAndUnknownFields_areNamed() {
    assertTrue(error(trajectoryJson("[{\"session\":\"one\",\"date\":null,\"score\":3}]", "\"PHQ-9\""), Trajectory.class)
        .contains("trajectory.observations[0].session must be a whole number, was \"one\""));
    assertTrue(error(trajectoryJson("[{\"session\":0,\"date\":\"31/03/2025\",\"score\":3}]", "\"PHQ-9\""), Trajectory.class)
        .contains("observations[0].date must be an ISO date"));
    assertTrue(error(trajectoryJson("[{\"session\":0,\"score\":3,\"mood\":1}]", "\"PHQ-9\""), Trajectory.class)
        .contains("observations[0].mood is not a known field"));
    assertTrue(error(trajectoryJson("[{\"session\":1,\"score\":3},{\"session\":1,\"score\":4}]", "\"PHQ-9\""), Trajectory.class)
        .contains("appears twice"));
  }

  @Test
  void read_invalidConditionEnum_listsAllowedValues() {
    String json = "{\"format\":\"candor\",\"formatVersion\":1,\"type\":\"Condition\",\"value\":"
        + "{\"name\":\"x\",\"icd11Code\":null,\"course\":\"temporary\",\"onset\":null,\"duration\":null}}";
    String m = error(json, Condition.class);
    assertTrue(m.contains("condition.course") && m.contains("resolvable, episodic, chronic") && m.contains("temporary"), m);
  }

  @Test
  void read_unknownCitationKey_isRefused() {
    String json = "{\"format\":\"candor\",\"formatVersion\":1,\"type\":\"Sourced\",\"value\":"
        + "{\"value\":1,\"source\":\"nobody2099\",\"certainty\":\"PRIMARY\",\"note\":\"\"}}";
    assertTrue(error(json, Sourced.class).contains("unknown citation key \"nobody2099\""));
  }

  @Test
  void recordFieldsOfCandorTypes_goThroughTheModule() throws Exception {
    record Holder(Instrument instrument, List<Observation> observations) {}
    Holder h = new Holder(Instruments.GAD7, List.of(Observation.of(0, 12)));
    String json = CandorJson.mapper().writeValueAsString(h);
    assertTrue(json.contains("\"instrument\":\"GAD-7\""), json);
    assertEquals(h, CandorJson.mapper().readValue(json, Holder.class));
    assertEquals(Citations.KROENKE_2001.key(), "kroenke2001");
  }

  // ------------------------------------------------------------ strict reading: nothing coerced

  /** The golden document of a type with {@code from} replaced once by {@code to}. */
  private static String golden(String name, String from, String to) {
    try {
      String json = java.nio.file.Files.readString(
          java.nio.file.Path.of("src", "test", "resources", "golden", name + ".json"));
      assertTrue(json.contains(from), name + " has no " + from);
      return json.replaceFirst(java.util.regex.Pattern.quote(from),
          java.util.regex.Matcher.quoteReplacement(to));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void read_integerTooLargeForADouble_isRefusedNamingThePath() {
    String huge = "1" + "0".repeat(309);
    String m = error(trajectoryJson("[{\"session\":0,\"date\":null,\"score\":" + huge + "}]",
        "\"PHQ-9\""), Trajectory.class);
    assertTrue(m.startsWith("trajectory.observations[0].score must be a finite number"), m);
    m = error(golden("Instrument", "\"minScore\" : 0.0", "\"minScore\" : -" + huge), Instrument.class);
    assertTrue(m.startsWith("instrument.minScore must be a finite number"), m);
    m = error(golden("ReliableChange", "\"pre\" : 18.0", "\"pre\" : " + huge),
        io.candor.change.ReliableChange.class);
    assertTrue(m.startsWith("reliableChange.pre must be a finite number"), m);
  }

  @Test
  void read_numbersBeyondTheDoubleRange_areRefusedNotRoundedToInfinityOrZero() {
    String m = error(golden("ReliableChange", "\"pre\" : 18.0", "\"pre\" : 1e400"),
        io.candor.change.ReliableChange.class);
    assertTrue(m.startsWith("reliableChange.pre must be a finite number"), m);
    m = error(golden("ReliableChange", "\"pre\" : 18.0", "\"pre\" : 1e-400"),
        io.candor.change.ReliableChange.class);
    assertTrue(m.startsWith("reliableChange.pre is too close to zero") && m.contains("1E-400"), m);
    m = error(trajectoryJson("[{\"session\":0,\"date\":null,\"score\":1e-400}]", "\"PHQ-9\""),
        Trajectory.class);
    assertTrue(m.startsWith("trajectory.observations[0].score is too close to zero")
        && m.contains("1E-400"), m);
    m = error(golden("Scenario.Waitlist", "\"rate\" : 0.0405", "\"rate\" : -1e400"),
        io.candor.simulation.Scenario.Waitlist.class);
    assertTrue(m.startsWith("waitlist.rate must be a finite number"), m);
    // the smallest double and zero itself are numbers like any other
    assertEquals(Double.MIN_VALUE, CandorJson.fromJson(golden("ReliableChange", "\"index\" : -2.5",
        "\"index\" : 4.9E-324"), io.candor.change.ReliableChange.class).index());
    assertEquals(0.0, CandorJson.fromJson(golden("ReliableChange", "\"index\" : -2.5",
        "\"index\" : 0.000e-400"), io.candor.change.ReliableChange.class).index());
  }

  @Test
  void read_duplicateKeys_areRefusedAtEveryLevel() {
    String m = error(golden("ReliableChange", "\"pre\" : 18.0", "\"pre\" : 18.0, \"pre\" : 19.0"),
        io.candor.change.ReliableChange.class);
    assertTrue(m.contains("pre") && m.toLowerCase(java.util.Locale.ROOT).contains("duplicate"), m);
    m = error(trajectoryJson("[{\"session\":0,\"session\":1,\"score\":3}]", "\"PHQ-9\""),
        Trajectory.class);
    assertTrue(m.contains("session") && m.toLowerCase(java.util.Locale.ROOT).contains("duplicate"), m);
    m = error(golden("ReliableChange", "\"type\" : \"ReliableChange\"",
        "\"type\" : \"ReliableChange\", \"type\" : \"Trajectory\""), io.candor.change.ReliableChange.class);
    assertTrue(m.contains("type") && m.toLowerCase(java.util.Locale.ROOT).contains("duplicate"), m);
  }

  @Test
  void read_stringsAreNotNumbers_norNumbersBooleans_norNumbersEnums() {
    String m = error(golden("ReliableChange", "\"criticalValue\" : 1.96", "\"criticalValue\" : \"1.96\""),
        io.candor.change.ReliableChange.class);
    assertTrue(m.startsWith("reliableChange.criticalValue"), m);
    m = error(golden("Classification", "\"functionalPost\" : true", "\"functionalPost\" : 2"),
        io.candor.change.Classification.class);
    assertTrue(m.startsWith("classification.functionalPost"), m);
    m = error(golden("Classification", "\"functionalPost\" : true", "\"functionalPost\" : \"true\""),
        io.candor.change.Classification.class);
    assertTrue(m.startsWith("classification.functionalPost"), m);
    m = error(golden("ReliableChange", "\"method\" : \"JACOBSON_TRUAX\"", "\"method\" : \"1\""),
        io.candor.change.ReliableChange.class);
    assertTrue(m.startsWith("reliableChange.method"), m);
    m = error(golden("ReliableChange", "\"method\" : \"JACOBSON_TRUAX\"", "\"method\" : 1"),
        io.candor.change.ReliableChange.class);
    assertTrue(m.startsWith("reliableChange.method"), m);
    m = error(golden("Scenario.Waitlist", "\"weeks\" : 13", "\"weeks\" : \"13\""),
        io.candor.simulation.Scenario.Waitlist.class);
    assertTrue(m.startsWith("waitlist.weeks"), m);
  }

  @Test
  void read_theStringNull_isNotAbsent() {
    String m = error(golden("Classification", "\"cutoffIndex\" : null", "\"cutoffIndex\" : \"null\""),
        io.candor.change.Classification.class);
    assertTrue(m.startsWith("classification.cutoffIndex"), m);
    m = error(golden("Observation", "\"date\" : \"2025-01-13\"", "\"date\" : \"null\""),
        Observation.class);
    assertTrue(m.startsWith("observation.date"), m);
  }

  @Test
  void read_fractionsForWholeNumbers_areRefusedNotTruncated() {
    String m = error(golden("Scenario.Waitlist", "\"weeks\" : 13", "\"weeks\" : 1.002"),
        io.candor.simulation.Scenario.Waitlist.class);
    assertTrue(m.startsWith("waitlist.weeks") && m.contains("1.002"), m);
    m = error(golden("MethodCounts", "\"recovered\" : 10", "\"recovered\" : 26.5"), io.candor.change.MethodCounts.class);
    assertTrue(m.startsWith("methodCounts.recovered") && m.contains("26.5"), m);
  }

  @Test
  void read_blankInstrumentId_namesThePath() {
    String m = error(trajectoryJson("[]", "\" \""), Trajectory.class);
    assertTrue(m.startsWith("trajectory.scale"), m);
  }

  @Test
  void read_unknownFieldNames_areQuotedOnOneLineAndCut() {
    String m = error(trajectoryJson("[{\"session\":0,\"s\\r\\ncore\":3}]", "\"PHQ-9\""), Trajectory.class);
    assertEquals("trajectory.observations[0].\"s\\u000d\\u000acore\" is not a known field;"
        + " allowed: session, date, score", m);
    String longName = "x".repeat(5000);
    m = error(golden("ReliableChange", "\"pre\" : 18.0", "\"pre\" : 18.0, \"" + longName + "\" : 1"),
        io.candor.change.ReliableChange.class);
    assertTrue(m.startsWith("reliableChange.\"xxx") && m.contains("(5000 characters)")
        && m.length() < 400, m);
  }

  // ------------------------------------------------------------ 10 MB adversarial documents

  private static final String ENVELOPE =
      "{\"format\":\"candor\",\"formatVersion\":1,\"type\":\"Trajectory\",\"value\":";

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void read_tenMegabyteDocuments_areRefusedShortlyWithoutStackOverflowOrMemoryBlowUp() {
    String deepArrays = LargeInputs.of(ENVELOPE, "[", "");
    String m = LargeInputs.assertRefused(deepArrays, () -> CandorJson.fromJson(deepArrays, Trajectory.class));
    assertTrue(m.startsWith("not valid JSON"), m);
    String deepObjects = LargeInputs.of(ENVELOPE, "{\"a\":", "");
    LargeInputs.assertRefused(deepObjects, () -> CandorJson.fromJson(deepObjects, Trajectory.class));
    String hugeId = LargeInputs.of(ENVELOPE + "{\"client\":\"", "x", "\",\"scale\":\"PHQ-9\",\"observations\":[]}}");
    LargeInputs.assertRefused(hugeId, () -> CandorJson.fromJson(hugeId, Trajectory.class));
    String hugeNumber = LargeInputs.of(ENVELOPE + "{\"client\":\"a\",\"scale\":\"PHQ-9\",\"observations\":[{\"session\":0,\"score\":1",
        "0", "}]}}");
    LargeInputs.assertRefused(hugeNumber, () -> CandorJson.fromJson(hugeNumber, Trajectory.class));
    String blank = LargeInputs.of("", " ", "");
    LargeInputs.assertRefused(blank, () -> CandorJson.fromJson(blank, Trajectory.class));
    String manyKeys = LargeInputs.of(ENVELOPE + "{", "\"k\":1,", "\"k\":1}}");
    LargeInputs.assertRefused(manyKeys, () -> CandorJson.fromJson(manyKeys, Trajectory.class));
    String deepScenario = LargeInputs.of("{\"format\":\"candor\",\"formatVersion\":1,\"type\":\"Scenario\",\"value\":",
        "{\"intake\":", "");
    LargeInputs.assertRefused(deepScenario,
        () -> CandorJson.fromJson(deepScenario, io.candor.simulation.Scenario.class));
  }

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void read_aTenMegabyteCohort_isReadWithinBoundedMemory() {
    StringBuilder sb = new StringBuilder("{\"format\":\"candor\",\"formatVersion\":1,"
        + "\"type\":\"Cohort\",\"value\":{\"trajectories\":[");
    int c = 0;
    while (sb.length() < LargeInputs.SIZE) {
      sb.append(c == 0 ? "" : ",").append("{\"client\":\"c").append(c++)
          .append("\",\"scale\":\"PHQ-9\",\"observations\":[");
      for (int s = 0; s < 10; s++) {
        sb.append(s == 0 ? "" : ",").append("{\"session\":").append(s).append(",\"score\":")
            .append(20 - s).append(".5}");
      }
      sb.append("]}");
    }
    String json = sb.append("]}}").toString();
    long before = LargeInputs.allocated();
    Cohort cohort = CandorJson.fromJson(json, Cohort.class);
    long used = LargeInputs.allocated() - before;
    assertEquals(c, cohort.trajectories().size());
    assertTrue(used < 100L * json.length(), "allocated " + (used >> 20) + " MB");
  }
}
