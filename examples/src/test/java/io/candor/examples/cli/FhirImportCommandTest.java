package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FhirImportCommandTest {

  /** candor-fhir's example bundle (two patients, PHQ-9 and GAD-7), read in place. */
  private static final String BUNDLE =
      Path.of("..", "integrations", "fhir", "src", "test", "resources", "fhir", "bundle.json")
          .toString();

  @TempDir Path dir;

  @Test
  void fhirImport_printsLongCsvWithRiskFlagsAndCountsExclusions() {
    CandorCliTest.Run r = CandorCliTest.run("fhir-import", "--bundle", BUNDLE);
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("id,scale,session,date,score,risk_flag\n"
        + "Patient/p1,PHQ-9,0,2024-01-08,14,PHQ-9 item 9 = 1: risk item answered above zero"
        + " — clinician review\n"
        + "Patient/p1,PHQ-9,1,2024-01-15,9,\n"), r.out());
    assertTrue(r.out().contains("Patient/p2,PHQ-9,1,2024-02-08,15,\n"), r.out());
    assertTrue(r.err().contains("read 7 scores of 2 patients (GAD-7, PHQ-9)"), r.err());
    assertTrue(r.err().contains("excluded 2 resources: not final (status entered-in-error;"
        + " status preliminary)"), r.err());
    assertTrue(r.err().contains("review: Patient/p1, 2024-01-08 (QuestionnaireResponse/phq9-p1-1)"),
        r.err());
    assertTrue(r.err().contains("note: the file holds GAD-7 and PHQ-9"), r.err());
  }

  @Test
  void fhirImport_outputIsReadByTheOtherCommands() throws IOException {
    Path csv = dir.resolve("phq9.csv");
    CandorCliTest.Run r = CandorCliTest.run("fhir-import", "--bundle", BUNDLE, "--instrument",
        "PHQ-9", "--out", csv.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("left out 2 scores of other instruments"), r.out());
    String text = Files.readString(csv, StandardCharsets.UTF_8);
    assertFalse(text.contains("GAD-7"), text);
    CandorCliTest.Run patterns = CandorCliTest.run("patterns", "--input", csv.toString(), "--id",
        "id", "--time", "session", "--score", "score", "--instrument", "PHQ-9");
    assertEquals(0, patterns.status(), patterns.err());
    CandorCliTest.Run survival = CandorCliTest.run("survival", "--input", csv.toString(), "--id",
        "id", "--time", "session", "--score", "score", "--instrument", "PHQ-9", "--event",
        "reliable-improvement");
    assertEquals(0, survival.status(), survival.err());
  }

  @Test
  void fhirImport_jsonReportsTheImportWhenTheCsvGoesToAFile() throws IOException {
    Path csv = dir.resolve("all.csv");
    CandorCliTest.Run r = CandorCliTest.run("fhir-import", "--bundle", BUNDLE, "--out",
        csv.toString(), "--json");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("\"type\" : \"FhirImportReport\""), r.out());
    assertTrue(r.out().contains("\"not-final\" : [ \"Bundle.entry[6].resource("
        + "QuestionnaireResponse/phq9-p1-x): status entered-in-error\""), r.out());
    assertTrue(Files.readString(csv, StandardCharsets.UTF_8).contains("GAD-7"));
    CandorCliTest.Run noFile = CandorCliTest.run("fhir-import", "--bundle", BUNDLE, "--json");
    assertEquals(2, noFile.status());
    assertTrue(noFile.err().contains("--json describes the import when the CSV goes to --out"),
        noFile.err());
    CandorCliTest.Run table = CandorCliTest.run("fhir-import", "--bundle", BUNDLE, "--csv",
        dir.resolve("t.csv").toString());
    assertEquals(2, table.status());
  }

  @Test
  void fhirImport_badInputExitsTwoWithOneLine() throws IOException {
    Path patient = dir.resolve("patient.json");
    Files.writeString(patient, "{\"resourceType\": \"Patient\", \"id\": \"p1\"}");
    CandorCliTest.Run wrong = CandorCliTest.run("fhir-import", "--bundle", patient.toString());
    assertEquals(2, wrong.status());
    assertTrue(wrong.err().startsWith("candor: " + patient + ": expected a FHIR Bundle, was a"
        + " Patient"), wrong.err());
    CandorCliTest.Run policy = CandorCliTest.run("fhir-import", "--bundle", BUNDLE,
        "--unrecognised", "skip");
    assertEquals(2, policy.status());
    assertTrue(policy.err().contains("--unrecognised must be fail or exclude"), policy.err());
    CandorCliTest.Run missing = CandorCliTest.run("fhir-import", "--bundle",
        dir.resolve("none.json").toString());
    assertEquals(2, missing.status());
    assertFalse(Files.exists(dir.resolve("out.csv")));
  }
}
