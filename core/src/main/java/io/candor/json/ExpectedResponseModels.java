package io.candor.json;

import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import io.candor.progress.ExpectedResponseModel;
import io.candor.simulation.Arm;
import io.candor.simulation.Calibration;
import io.candor.simulation.Scenario;
import io.candor.simulation.Simulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Reference expected-response models that ship with Candor, so that an application gets an
 * expected-response curve for PHQ-9 or GAD-7 without fitting a model of its own:
 *
 * <pre>{@code
 * ExpectedResponse er = ExpectedResponse.of(ExpectedResponseModels.reference(Instruments.PHQ9));
 * }</pre>
 *
 * <p><b>What they are.</b> Each is a growth model fitted on a <em>simulated</em> cohort, not on
 * real clients: {@value #CLIENTS} treated clients from {@link Scenario#calibratedDefault} of the
 * instrument, seed {@value #SEED} ({@link Calibration#DEFAULT_SEED}), fitted by
 * {@code GrowthModel.withDefaults().with(TimeBasis.LOG)} (REML, random intercept and slope on
 * log(session + 1)). The PHQ-9 scenario is calibrated to published figures (Howard et al. 1986,
 * Swift &amp; Greenberg 2012, Lambert 2013, Tang &amp; DeRubeis 1999 / Aderka et al. 2012, Whiteford et
 * al. 2013; see {@code candor calibrate}); the GAD-7 scenario maps those PHQ-9 levels onto GAD-7's
 * range, an assumption that was not calibrated on GAD-7 figures. The curves therefore show what a
 * model consistent with those published figures expects, not what any service observed; each model
 * says so in {@link ExpectedResponseModel.FittedOn#provenance()}. Fit a model on your own service's
 * data where you have them.
 *
 * <p><b>Reproducible.</b> The models are stored as Candor JSON documents in this package's
 * resources ({@code reference/phq-9.json}, {@code reference/gad-7.json}); {@link #fitReference}
 * recomputes one from the simulator and the tests check that it gives the stored document bit for
 * bit. After a deliberate change to the simulator or the growth model, regenerate the resources
 * with {@code mvn -B -q -pl core test -Dtest=ExpectedResponseModelsTest -Dcandor.regenerate=true}.
 *
 * <p>Thread-safe; each stored model is read once.
 */
public final class ExpectedResponseModels {

  /** The seed of the simulated cohorts (the calibration's seed). */
  public static final long SEED = Calibration.DEFAULT_SEED;

  /** Clients in each simulated cohort. */
  public static final int CLIENTS = 4_000;

  private static final List<Instrument> INSTRUMENTS = List.of(Instruments.PHQ9, Instruments.GAD7);

  private static final ConcurrentMap<String, ExpectedResponseModel> LOADED =
      new ConcurrentHashMap<>();

  private ExpectedResponseModels() {}

  /**
   * The instruments that have a reference model.
   *
   * @return PHQ-9 and GAD-7
   */
  public static List<Instrument> referenceInstruments() {
    return INSTRUMENTS;
  }

  /**
   * The reference model of an instrument, if Candor ships one.
   *
   * @param instrument the instrument
   * @return its model, or empty for instruments without one
   */
  public static Optional<ExpectedResponseModel> findReference(Instrument instrument) {
    Objects.requireNonNull(instrument, "instrument");
    if (!INSTRUMENTS.contains(instrument)) {
      return Optional.empty();
    }
    return Optional.of(LOADED.computeIfAbsent(instrument.id(), id -> load(instrument)));
  }

  /**
   * The reference model of an instrument.
   *
   * @param instrument PHQ-9 or GAD-7
   * @return its model (fitted on a simulated cohort: see the class documentation)
   * @throws IllegalArgumentException for an instrument without a reference model
   */
  public static ExpectedResponseModel reference(Instrument instrument) {
    return findReference(instrument).orElseThrow(() -> new IllegalArgumentException(
        "Candor ships no reference model for " + instrument.id() + "; it has them for "
            + String.join(", ", INSTRUMENTS.stream().map(Instrument::id).toList())
            + " (fit one on your data with GrowthModel and ExpectedResponseModel.from)"));
  }

  /**
   * Fits an instrument's reference model from the simulator, as the stored one was made.
   *
   * @param instrument PHQ-9 or GAD-7
   * @return the model, equal to {@link #reference(Instrument)} while the simulator and the
   *     growth model are unchanged
   * @throws IllegalArgumentException for an instrument without a reference model
   */
  public static ExpectedResponseModel fitReference(Instrument instrument) {
    Objects.requireNonNull(instrument, "instrument");
    if (!INSTRUMENTS.contains(instrument)) {
      reference(instrument);
    }
    Scenario scenario = Scenario.calibratedDefault(instrument);
    GrowthData data = GrowthData.fromCohort(
        Simulator.of(scenario).cohort(SEED, CLIENTS, Arm.TREATED, 1), instrument.id());
    return ExpectedResponseModel.from(GrowthModel.withDefaults().with(TimeBasis.LOG).fit(data))
        .withProvenance(provenance(instrument, scenario));
  }

  /**
   * The text of a stored reference document: the model as {@link CandorJson#toJson} writes it,
   * followed by a line break.
   *
   * @param model the model (of {@link #fitReference})
   * @return the document
   */
  static String document(ExpectedResponseModel model) {
    return CandorJson.toJson(model) + "\n";
  }

  /**
   * The resource path of an instrument's stored model, relative to this class.
   *
   * @param instrument the instrument
   * @return e.g. {@code reference/phq-9.json}
   */
  static String resource(Instrument instrument) {
    return "reference/" + instrument.id().toLowerCase(Locale.ROOT) + ".json";
  }

  private static ExpectedResponseModel load(Instrument instrument) {
    String name = resource(instrument);
    try (InputStream in = ExpectedResponseModels.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the reference model resource " + name + " is missing");
      }
      return CandorJson.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8),
          ExpectedResponseModel.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the reference model " + name, e);
    }
  }

  private static String provenance(Instrument instrument, Scenario scenario) {
    String calibration = instrument.equals(Instruments.PHQ9)
        ? "Scenario.calibratedDefault(PHQ-9), calibrated to published figures (Howard et al. 1986,"
            + " Swift & Greenberg 2012, Lambert 2013, Tang & DeRubeis 1999 / Aderka et al. 2012,"
            + " Whiteford et al. 2013)"
        : "Scenario.calibratedDefault(" + instrument.id() + "): the PHQ-9 calibration mapped onto "
            + instrument.id() + "'s range, an assumption not calibrated on " + instrument.id()
            + " figures";
    return String.format(Locale.ROOT, "Candor reference model, SIMULATED data, not real clients:"
        + " %,d treated clients from %s, %d planned sessions, seed %d; REML growth model on"
        + " log(session + 1) with a random intercept and slope. It shows what a model consistent"
        + " with those figures expects, not what any service observed.",
        CLIENTS, calibration, scenario.sessions(), SEED);
  }
}
