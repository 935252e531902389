package io.candor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.progress.ExpectedCurve;
import io.candor.progress.ExpectedResponse;
import io.candor.progress.ExpectedResponseModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped reference models: regenerating them from the simulator gives the committed
 * resources bit for bit. Run with {@code -Dcandor.regenerate=true} to rewrite the resources after a
 * deliberate change to the simulator or the growth model.
 */
class ExpectedResponseModelsTest {

  private static final Path RESOURCES = Path.of("src", "main", "resources", "io", "candor", "json");

  @Test
  void regenerating_givesTheCommittedResourcesBitForBit() throws IOException {
    for (Instrument i : ExpectedResponseModels.referenceInstruments()) {
      String fresh = ExpectedResponseModels.document(ExpectedResponseModels.fitReference(i));
      Path file = RESOURCES.resolve(ExpectedResponseModels.resource(i));
      if (Boolean.getBoolean("candor.regenerate")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, fresh, StandardCharsets.UTF_8);
      }
      assertEquals(Files.readString(file, StandardCharsets.UTF_8), fresh,
          i.id() + ": the stored reference model differs from a fresh fit; if the change is"
              + " deliberate, regenerate with -Dcandor.regenerate=true");
    }
  }

  @Test
  void reference_isTheStoredModelOnItsInstrument_andSaysItIsSimulated() {
    for (Instrument i : ExpectedResponseModels.referenceInstruments()) {
      ExpectedResponseModel m = ExpectedResponseModels.reference(i);
      assertEquals(i, m.fittedOn().scale());
      assertEquals(ExpectedResponseModels.CLIENTS, m.fittedOn().clients());
      assertTrue(m.fittedOn().provenance().contains("SIMULATED data, not real clients"),
          m.fittedOn().provenance());
      assertTrue(m.fittedOn().provenance().contains("seed " + ExpectedResponseModels.SEED));
      assertEquals(m, ExpectedResponseModels.findReference(i).orElseThrow());
    }
    assertTrue(ExpectedResponseModels.reference(Instruments.GAD7).fittedOn().provenance()
        .contains("not calibrated on GAD-7 figures"));
  }

  @Test
  void phq9Reference_givesAFallingCurveForAnIntakeOf18() {
    ExpectedCurve c = ExpectedResponse.of(ExpectedResponseModels.reference(Instruments.PHQ9))
        .fromIntake(18, 12);
    assertTrue(c.at(12).mean() < c.at(1).mean() && c.at(1).mean() < 18, c.toString());
    assertTrue(c.extrapolations().isEmpty(), c.extrapolations().toString());
  }

  @Test
  void instrumentsWithoutAReference_areRefusedNamingThoseThatHaveOne() {
    assertTrue(ExpectedResponseModels.findReference(Instruments.K10).isEmpty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExpectedResponseModels.reference(Instruments.K10));
    assertTrue(e.getMessage().startsWith("Candor ships no reference model for K10; it has them for"
        + " PHQ-9, GAD-7"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ExpectedResponseModels.fitReference(Instruments.ORS));
  }
}
