package io.candor.examples.cli;

import io.candor.charts.IconArray;
import io.candor.charts.IconArrayChart;
import io.candor.domain.Course;
import io.candor.domain.Observation;
import io.candor.domain.ReadinessStage;
import io.candor.domain.Trajectory;
import io.candor.evidence.Citation;
import io.candor.expectation.Audience;
import io.candor.expectation.ClientProfile;
import io.candor.expectation.ClientRenderer;
import io.candor.expectation.ExpectationReport;
import io.candor.expectation.Expectations;
import io.candor.expectation.FittedClasses;
import io.candor.expectation.Outcome;
import io.candor.expectation.Probability;
import io.candor.expectation.ServiceRenderer;
import io.candor.expectation.TherapistRenderer;
import io.candor.json.CandorJson;
import io.candor.json.ExpectedResponseModels;
import io.candor.json.LongTable;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.measure.RiskFlag;
import io.candor.model.mixture.ClassEnumeration;
import io.candor.model.mixture.MixtureFit;
import io.candor.model.mixture.TrajectoryClasses;
import io.candor.progress.ExpectedResponseModel;
import io.candor.simulation.Calibration;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code candor report}: realistic expectations for one client (or, for a service, a caseload) in
 * plain words, as text, Candor JSON or one HTML page.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Realistic expectations for a client: of 100 people who start where the client is, how many"
          + " are much better, about the same, worse or have stopped coming after a number of"
          + " sessions, with ranges; the expected course; risk items flagged for clinician review;"
          + " sources. From Candor's calibrated simulator, updated by the scores so far.",
      "Example: candor report --instrument PHQ-9 --intake 18 --observed 1:17,2:16"
          + " --items 2,2,1,3,1,0,2,1,1 --audience client --format text",
      "A service view over a caseload: --audience service --input FILE --id COL --time COL"
          + " --score COL (each client's scores, session 0 the intake).",
      "--svg/--png draw the icon array of the statement the text makes (out of 100, at the"
          + " session the text speaks about; for a service, the caseload's expected mix)."
    })
final class ReportCommand implements Callable<Integer> {

  /** The documented default seed (the calibration's). */
  static final long DEFAULT_SEED = Calibration.DEFAULT_SEED;

  @Spec CommandSpec spec;

  @Option(names = "--instrument", required = true, paramLabel = "ID",
      description = "Instrument of the scores (PHQ-9, GAD-7, CORE-10, ...): it needs a caseness"
          + " cutoff and a reliable-change threshold.")
  String instrumentId;

  @Option(names = "--intake", paramLabel = "SCORE", description = "Intake score (session 0).")
  Double intake;

  @Option(names = "--course", paramLabel = "COURSE", converter = CourseConverter.class,
      completionCandidates = CourseConverter.class,
      description = "Course if known: ${COMPLETION-CANDIDATES}.")
  Course course;

  @Option(names = "--readiness", paramLabel = "STAGE", converter = StageConverter.class,
      completionCandidates = StageConverter.class,
      description = "Readiness stage at intake if known: ${COMPLETION-CANDIDATES}.")
  ReadinessStage readiness;

  @Option(names = "--observed", paramLabel = "S:SCORE,...",
      description = "Scores observed since the intake, e.g. 1:17,2:16.")
  String observed;

  @Option(names = "--items", paramLabel = "R,R,...",
      description = "Item responses of the latest form, item 1 first; an empty entry is an item"
          + " not answered (2,2,,1,...). Used for the risk items (PHQ-9 item 9, CORE-10 item 6).")
  String items;

  @Option(names = "--items-session", paramLabel = "S",
      description = "The session the --items were given at (0 = intake): their total must then"
          + " equal that session's score. Without it the items are used for the risk items only.")
  Integer itemsSession;

  @Option(names = "--sessions", paramLabel = "N",
      defaultValue = "" + ClientProfile.DEFAULT_PLANNED_SESSIONS,
      description = "Planned sessions after the intake (default ${DEFAULT-VALUE}).")
  int sessions;

  @Option(names = "--horizon", paramLabel = "S",
      description = "The session the text speaks about (default 12); reports also cover 8, 12, 20"
          + " and the last planned session.")
  Integer horizon;

  @Option(names = "--missed", paramLabel = "M/N",
      description = "Appointments missed of those offered so far, e.g. 1/6.")
  String missed;

  @Option(names = "--homework", paramLabel = "D/N",
      description = "Between-session tasks done of those set so far, e.g. 3/4.")
  String homework;

  @Option(names = "--audience", required = true, converter = AudienceConverter.class,
      completionCandidates = AudienceConverter.class,
      description = "Who the report is for: ${COMPLETION-CANDIDATES}.")
  Audience audience;

  @Option(names = "--format", defaultValue = "text", converter = FormatConverter.class,
      completionCandidates = FormatConverter.class,
      description = "text (default), json (a Candor JSON document) or html (one page with icon"
          + " arrays).")
  Format format;

  @Option(names = "--seed", defaultValue = "" + DEFAULT_SEED,
      description = "Seed of the simulation (default ${DEFAULT-VALUE}); the same seed gives the"
          + " same report, byte for byte.")
  long seed;

  @Option(names = "--clients", defaultValue = "" + Expectations.DEFAULT_CLIENTS,
      description = "Simulated clients for the estimates (default ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--threads", paramLabel = "T",
      description = "Worker threads for the simulation (default: the processors, at most 4); the"
          + " report does not depend on it.")
  Integer threads;

  @Option(names = "--model", paramLabel = "FILE.json",
      description = "Expected-response model that updates the numbers by the observed scores"
          + " (candor fit --json); default: Candor's reference model of the instrument (PHQ-9,"
          + " GAD-7; fitted on simulated data).")
  Path modelFile;

  @Option(names = "--classes", paramLabel = "FILE.json",
      description = "Latent trajectory classes fitted on your service's data: the output of"
          + " candor classes --json (its chosen K), or a MixtureFit or TrajectoryClasses"
          + " document. The report then says which classes' shapes the scores so far are"
          + " closest to. The classes' time must be sessions from the intake (session 0).")
  Path classesFile;

  @Option(names = "--class-covariate", paramLabel = "NAME=VALUE",
      description = "The client's value of a membership covariate of the --classes"
          + " (repeatable; every one the classes have).")
  List<String> classCovariates = new ArrayList<>();

  @Option(names = "--locale", paramLabel = "TAG", defaultValue = "en",
      description = "Language of the text (a messages_TAG.properties translation; default en).")
  String locale;

  @ArgGroup(exclusive = false, multiplicity = "0..1",
      heading = "A caseload for --audience service: long-format CSV, session 0 the intake%n")
  LongInputOptions data;

  @Mixin OutputOptions output;

  @Mixin ChartOptions chart;

  /** The output formats. */
  enum Format {
    /** Plain text. */
    TEXT,
    /** A Candor JSON document. */
    JSON,
    /** One self-contained HTML page. */
    HTML
  }

  @Override
  public Integer call() {
    output.checkFiles();
    chart.checkFiles(output);
    if (output.json && format == Format.HTML) {
      throw new IllegalArgumentException("--json and --format html contradict each other; give one");
    }
    if (format == Format.JSON) {
      output.json = true;
    }
    Instrument instrument = Instruments.byId(instrumentId);
    Locale lang = Locale.forLanguageTag(locale);
    if (lang.getLanguage().isEmpty()) {
      throw new IllegalArgumentException("--locale must be a language tag such as en or de, was "
          + locale);
    }
    int workers = threads != null ? threads
        : Math.min(4, Runtime.getRuntime().availableProcessors());
    if (workers < 1 || workers > 256) {
      throw new IllegalArgumentException("--threads must be between 1 and 256, was " + workers);
    }
    Expectations expectations = Expectations.withDefaults().withClients(checkClients())
        .withThreads(workers);
    if (horizon != null) {
      if (horizon < 1 || horizon > sessions) {
        throw new IllegalArgumentException("--horizon must be between 1 and the last planned"
            + " session " + sessions + ", was " + horizon);
      }
      expectations = expectations.withHorizons(8, 12, 20, horizon);
    }
    Optional<ExpectedResponseModel> model = model(instrument);
    if (model.isPresent()) {
      expectations = expectations.withModel(model.get());
    }
    Optional<FittedClasses> classes = classes();
    List<String> labels = new ArrayList<>();
    List<ExpectationReport> reports = new ArrayList<>();
    if (data != null) {
      if (audience != Audience.SERVICE) {
        throw new IllegalArgumentException("--input is for --audience service; a client or"
            + " therapist report is about one client (--intake, --observed, ...)");
      }
      if (intake != null || observed != null || items != null || itemsSession != null
          || course != null || readiness != null || missed != null || homework != null) {
        throw new IllegalArgumentException("with --input every client's scores come from the"
            + " file; --intake, --observed, --items, --items-session, --course, --readiness,"
            + " --missed and --homework describe one client and cannot be given");
      }
      Map<String, ClientProfile> caseload = caseload(instrument);
      if (model.isEmpty() && caseload.values().stream().anyMatch(p -> !p.observed().isEmpty())) {
        throw new IllegalArgumentException(data.input + ": clients with scores after the intake"
            + " need an expected-response model, and Candor ships none for " + instrument.id()
            + "; give --model FILE.json (candor fit --json)");
      }
      if (classes.isPresent() && !classes.get().covariates().isEmpty()) {
        throw new IllegalArgumentException("--classes " + classesFile + " have membership"
            + " covariates " + classes.get().model().membershipCovariates() + ", which describe"
            + " one client (--class-covariate); with --input give classes without them");
      }
      for (Map.Entry<String, ClientProfile> e : caseload.entrySet()) {
        labels.add(e.getKey());
        ClientProfile p = classes.map(e.getValue()::withClasses).orElse(e.getValue());
        reports.add(report(expectations, p, "client " + e.getKey()));
      }
    } else {
      if (intake == null) {
        throw new IllegalArgumentException("give --intake SCORE (one client), or for --audience"
            + " service a caseload with --input FILE --id COL --time COL --score COL");
      }
      labels.add("client");
      ClientProfile p = profile(instrument);
      reports.add(report(expectations, classes.map(p::withClasses).orElse(p), "the profile"));
    }
    OptionalInt asked = horizon == null ? OptionalInt.empty() : OptionalInt.of(horizon);
    output.emit(spec, new Result(result(labels, reports, lang, asked), format, labels, reports,
        lang, asked));
    chart.write(style -> picture(labels, reports, lang, asked).with(style).draw(icons(labels,
        reports, lang, asked)));
    return 0;
  }

  /**
   * The session the picture shows: the one the audience's text speaks about (for a service, the
   * session its summary counts at).
   */
  private int pictureSession(List<String> labels, List<ExpectationReport> reports, Locale lang,
      OptionalInt asked) {
    return switch (audience) {
      case CLIENT -> clientRenderer(lang, asked).horizon(reports.get(0));
      case THERAPIST -> therapistRenderer(lang, asked).horizon(reports.get(0));
      case SERVICE -> serviceRenderer(lang, asked).summarise(labels, reports).horizon();
    };
  }

  /** The icon array of the statement the text makes (client: in the client text's words). */
  private IconArray icons(List<String> labels, List<ExpectationReport> reports, Locale lang,
      OptionalInt asked) {
    int h = pictureSession(labels, reports, lang, asked);
    return switch (audience) {
      case CLIENT -> IconArray.fromReport(statement(reports.get(0), h),
          clientRenderer(lang, asked).iconLabels());
      case THERAPIST -> IconArray.fromReport(statement(reports.get(0), h));
      case SERVICE -> IconArray.fromSummary(serviceRenderer(lang, asked)
          .summarise(labels, reports));
    };
  }

  private static io.candor.expectation.IconArray statement(ExpectationReport r, int horizon) {
    return r.iconArray(horizon, Outcome.RELIABLE_IMPROVEMENT).orElseThrow();
  }

  /** The icon-array chart's title and unit for the audience. */
  private IconArrayChart picture(List<String> labels, List<ExpectationReport> reports,
      Locale lang, OptionalInt asked) {
    int h = pictureSession(labels, reports, lang, asked);
    String unit = switch (audience) {
      case CLIENT -> "people who start where you are";
      case THERAPIST -> "clients like this one";
      case SERVICE -> "clients of this caseload (expected)";
    };
    return IconArrayChart.withDefaults().withUnit(unit)
        .withTitle("After " + h + " sessions, out of 100 " + unit);
  }

  private ClientRenderer clientRenderer(Locale lang, OptionalInt asked) {
    ClientRenderer r = ClientRenderer.withDefaults().withLocale(lang);
    return asked.isPresent() ? r.withHorizon(asked.getAsInt()) : r;
  }

  private TherapistRenderer therapistRenderer(Locale lang, OptionalInt asked) {
    TherapistRenderer r = TherapistRenderer.withDefaults().withLocale(lang);
    return asked.isPresent() ? r.withHorizon(asked.getAsInt()) : r;
  }

  private int checkClients() {
    if (clients < 100 || clients > 1_000_000) {
      throw new IllegalArgumentException("--clients must be between 100 and 1000000, was "
          + clients);
    }
    return clients;
  }

  private ExpectationReport report(Expectations e, ClientProfile p, String what) {
    try {
      return e.report(p, seed);
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException(what + ": " + ex.getMessage(), ex);
    }
  }

  private Optional<ExpectedResponseModel> model(Instrument instrument) {
    if (modelFile != null) {
      ExpectedResponseModel m = ExpectCommand.readModel(modelFile);
      if (m.fittedOn().scale() instanceof Instrument fitted && !fitted.id().equals(instrument.id())) {
        throw new IllegalArgumentException("--model " + modelFile + " was fitted on "
            + fitted.id() + " scores but --instrument is " + instrument.id());
      }
      return Optional.of(m);
    }
    Optional<ExpectedResponseModel> reference = ExpectedResponseModels.findReference(instrument);
    if (reference.isEmpty() && observed != null && !observed.isBlank()) {
      throw new IllegalArgumentException("--observed scores update the report through an"
          + " expected-response model, and Candor ships none for " + instrument.id() + " (it has"
          + " them for " + ExpectedResponseModels.referenceInstruments().stream()
              .map(Instrument::id).collect(Collectors.joining(", "))
          + "); give --model FILE.json (candor fit --json)");
    }
    return reference;
  }

  /**
   * The classes of {@code --classes}: a {@code ClassEnumeration} document ({@code candor classes
   * --json}; its selected fit), a {@code MixtureFit} or a {@code TrajectoryClasses}, with the
   * client's {@code --class-covariate} values.
   */
  private Optional<FittedClasses> classes() {
    if (classesFile == null) {
      if (!classCovariates.isEmpty()) {
        throw new IllegalArgumentException("--class-covariate needs --classes FILE.json");
      }
      return Optional.empty();
    }
    String text;
    try {
      text = Files.readString(classesFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + classesFile + ": " + e.getMessage(), e);
    }
    Map<String, Double> covariates = ExpectCommand.parseCovariates("--class-covariate",
        classCovariates);
    String type = documentType(text);
    try {
      if (type.equals(CandorJson.typeName(ClassEnumeration.class))) {
        ClassEnumeration e = CandorJson.fromJson(text, ClassEnumeration.class);
        MixtureFit fit = e.selected();
        return Optional.of(FittedClasses.of(fit, classesFile.getFileName() + ": "
            + fit.classes() + " classes (their number chosen by "
            + CliText.word(e.criterion()).toUpperCase(Locale.ROOT) + "), " + fit.observations()
            + " scores", covariates));
      }
      if (type.equals(CandorJson.typeName(MixtureFit.class))) {
        MixtureFit fit = CandorJson.fromJson(text, MixtureFit.class);
        return Optional.of(FittedClasses.of(fit, classesFile.getFileName() + ": "
            + fit.classes() + " classes, " + fit.observations() + " scores", covariates));
      }
      if (!type.isEmpty() && !type.equals(CandorJson.typeName(TrajectoryClasses.class))) {
        throw new IllegalArgumentException("type is " + CliText.quote(type) + " but a "
            + CandorJson.typeName(ClassEnumeration.class) + " (candor classes --json), "
            + CandorJson.typeName(MixtureFit.class) + " or "
            + CandorJson.typeName(TrajectoryClasses.class) + " was expected");
      }
      TrajectoryClasses model = CandorJson.fromJson(text, TrajectoryClasses.class);
      return Optional.of(FittedClasses.of(model, classesFile.getFileName() + ": "
          + model.size() + " classes", covariates));
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new IllegalArgumentException("--classes " + classesFile + ": "
          + (m.startsWith("covariates: ") ? m.substring("covariates: ".length()) : m), e);
    }
  }

  /** The {@code type} of a Candor document, or "" when there is none (reading then says why). */
  private static String documentType(String text) {
    try {
      JsonNode type = CandorJson.mapper().readTree(text).get("type");
      return type != null && type.isString() ? type.asString() : "";
    } catch (JacksonException | IllegalArgumentException e) {
      return "";
    }
  }

  /** The one client of the options. */
  ClientProfile profile(Instrument instrument) {
    ClientProfile p;
    try {
      p = ClientProfile.of(instrument, intake).withPlannedSessions(sessions);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option(e.getMessage()), e);
    }
    if (course != null) {
      p = p.withCourse(course);
    }
    if (readiness != null) {
      p = p.withReadiness(readiness);
    }
    int[][] ss = new int[1][];
    double[][] ys = new double[1][];
    ExpectCommand.parseObserved(observed, ss, ys);
    List<Observation> obs = new ArrayList<>();
    for (int i = 0; i < ss[0].length; i++) {
      obs.add(Observation.of(ss[0][i], ys[0][i]));
    }
    try {
      p = p.withObserved(obs);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--observed: " + e.getMessage(), e);
    }
    if (items != null) {
      ClientProfile.ItemResponses r = parseItems(items);
      if (itemsSession != null) {
        r = r.atSession(itemsSession);
      }
      try {
        p = p.withItems(r);
      } catch (IllegalArgumentException e) {
        String m = e.getMessage();
        throw new IllegalArgumentException("--items: "
            + (m.startsWith("items: ") ? m.substring("items: ".length()) : m), e);
      }
    } else if (itemsSession != null) {
      throw new IllegalArgumentException("--items-session needs --items");
    }
    if (missed != null) {
      int[] mn = fraction("--missed", missed);
      try {
        p = p.withAttendance(mn[1], mn[0]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--missed " + missed + ": " + e.getMessage(), e);
      }
    }
    if (homework != null) {
      int[] dn = fraction("--homework", homework);
      try {
        p = p.withHomework(dn[1], dn[0]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--homework " + homework + ": " + e.getMessage(), e);
      }
    }
    return p;
  }

  /** Names the option in a profile's message ("PHQ-9 intake ..." is --intake). */
  private String option(String message) {
    if (message.contains("intake")) {
      return "--intake: " + message;
    }
    if (message.contains("plannedSessions")) {
      return "--sessions: " + message;
    }
    return message;
  }

  /** "2,2,,1": item responses, an empty entry for an unanswered item. */
  static ClientProfile.ItemResponses parseItems(String text) {
    String[] parts = text.split(",", -1);
    List<OptionalInt> out = new ArrayList<>(parts.length);
    for (int i = 0; i < parts.length; i++) {
      String s = parts[i].strip();
      if (s.isEmpty() || s.equalsIgnoreCase("na")) {
        out.add(OptionalInt.empty());
        continue;
      }
      try {
        out.add(OptionalInt.of(Integer.parseInt(s)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--items: item " + (i + 1) + " must be a whole number"
            + " (or empty when not answered), was " + s, e);
      }
    }
    return new ClientProfile.ItemResponses(OptionalInt.empty(), out);
  }

  /** "1/6" as {1, 6}. */
  static int[] fraction(String option, String text) {
    String[] parts = text.strip().split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(option + " must be COUNT/OF, e.g. 1/6, was " + text);
    }
    try {
      return new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be two whole numbers COUNT/OF, e.g. 1/6,"
          + " was " + text, e);
    }
  }

  /** Each client of the file as a profile: session 0 the intake, later sessions observed. */
  private Map<String, ClientProfile> caseload(Instrument instrument) {
    LongTable table = data.read(Optional.of(instrument), List.of(), List.of());
    Map<String, ClientProfile> out = new LinkedHashMap<>();
    for (Trajectory t : table.toCohort(instrument).trajectories()) {
      String id = t.client().value();
      if (t.sessionAt(0) != 0) {
        throw new IllegalArgumentException(data.input + ": client " + id + " has no intake score"
            + " (session 0); its first session is " + t.sessionAt(0));
      }
      List<Observation> obs = new ArrayList<>();
      for (int i = 1; i < t.size(); i++) {
        obs.add(Observation.of(t.sessionAt(i), t.scoreAt(i)));
      }
      try {
        out.put(id, ClientProfile.of(instrument, t.scoreAt(0)).withPlannedSessions(sessions)
            .withObserved(obs));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(data.input + ": client " + id + ": " + e.getMessage(),
            e);
      }
    }
    return out;
  }

  private ReportResult result(List<String> labels, List<ExpectationReport> reports, Locale lang,
      OptionalInt asked) {
    String text = render(Format.TEXT, labels, reports, lang, asked);
    boolean one = reports.size() == 1;
    List<RiskFlag> flags = new ArrayList<>();
    Map<String, Citation> sources = new LinkedHashMap<>();
    List<ReportResult.LabelledReport> labelled = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      flags.addAll(reports.get(i).risk().flags());
      reports.get(i).sources().forEach(c -> sources.putIfAbsent(c.key(), c));
      labelled.add(new ReportResult.LabelledReport(labels.get(i), reports.get(i)));
    }
    ExpectationReport first = reports.get(0);
    return new ReportResult(audience, seed, one ? first.probabilities() : List.of(),
        one ? first.curve() : List.of(), flags, List.copyOf(sources.values()), text,
        audience == Audience.SERVICE ? Optional.of(serviceRenderer(lang, asked)
            .summarise(labels, reports)) : Optional.empty(), labelled);
  }

  private ServiceRenderer serviceRenderer(Locale lang, OptionalInt asked) {
    ServiceRenderer r = ServiceRenderer.withDefaults().withLocale(lang);
    return asked.isPresent() ? r.withHorizon(asked.getAsInt()) : r;
  }

  private String render(Format f, List<String> labels, List<ExpectationReport> reports,
      Locale lang, OptionalInt asked) {
    boolean html = f == Format.HTML;
    switch (audience) {
      case CLIENT: {
        ClientRenderer r = clientRenderer(lang, asked);
        return html ? r.html(reports.get(0)) : r.text(reports.get(0));
      }
      case THERAPIST: {
        TherapistRenderer r = therapistRenderer(lang, asked);
        return html ? r.html(reports.get(0)) : r.text(reports.get(0));
      }
      default: {
        ServiceRenderer r = serviceRenderer(lang, asked);
        return html ? r.html(labels, reports) : r.text(labels, reports);
      }
    }
  }

  /** The report in each output format; the CSV table is the probabilities. */
  final class Result implements CliResult {
    private final ReportResult value;
    private final Format format;
    private final List<String> labels;
    private final List<ExpectationReport> reports;
    private final Locale lang;
    private final OptionalInt asked;

    Result(ReportResult value, Format format, List<String> labels,
        List<ExpectationReport> reports, Locale lang, OptionalInt asked) {
      this.value = value;
      this.format = format;
      this.labels = labels;
      this.reports = reports;
      this.lang = lang;
      this.asked = asked;
    }

    @Override
    public void printText(PrintWriter out) {
      out.print(format == Format.HTML ? render(Format.HTML, labels, reports, lang, asked)
          : value.text());
    }

    @Override
    public Object json() {
      return value;
    }

    @Override
    public Optional<CsvTable> table() {
      CsvTable t = new CsvTable("client", "outcome", "horizon", "estimate", "lower", "upper",
          "monteCarloLower", "monteCarloUpper", "sensitivityLower", "sensitivityUpper", "count",
          "countLower", "countUpper", "riskFlags");
      for (int i = 0; i < reports.size(); i++) {
        ExpectationReport r = reports.get(i);
        String flags = !r.risk().itemsSeen() ? "not seen" : r.risk().flags().isEmpty() ? "none"
            : r.risk().flags().stream().map(RiskFlag::toString)
                .collect(Collectors.joining("; "));
        for (Probability p : r.probabilities()) {
          t.row(labels.get(i), p.outcome(), p.horizon(), p.estimate(), p.lower(), p.upper(),
              p.monteCarlo().lower(), p.monteCarlo().upper(), p.sensitivity().lower(),
              p.sensitivity().upper(), p.naturalFrequency().count(),
              p.naturalFrequency().lower(), p.naturalFrequency().upper(), flags);
        }
      }
      return Optional.of(t);
    }
  }

  /**
   * The first section of {@code candor demo}: the client's report for a PHQ-9 client who started
   * at 18 and scored 17 and 16 since, with the latest form's item 9 answered above zero; then how
   * to get the therapist's and the service's views.
   *
   * @param out where to print
   */
  static void demoSection(PrintWriter out) {
    ClientProfile p = ClientProfile.of(Instruments.PHQ9, 18).withObserved(1, 17)
        .withObserved(2, 16)
        .withItems(ClientProfile.ItemResponses.of(2, 2, 2, 2, 2, 2, 2, 1, 1).atSession(2));
    ExpectationReport r = Expectations.withDefaults()
        .withModel(ExpectedResponseModels.reference(Instruments.PHQ9)).report(p, DEFAULT_SEED);
    out.print(ClientRenderer.withDefaults().text(r));
    out.println();
    out.println("The same client for the therapist (numbers with Monte Carlo and sensitivity"
        + " intervals, sources, what to watch) or a service:");
    out.println("  candor report --instrument PHQ-9 --intake 18 --observed 1:17,2:16"
        + " --items 2,2,2,2,2,2,2,1,1 --items-session 2 --audience therapist");
    out.println("  (--audience client|therapist|service, --format text|json|html)");
    out.flush();
  }

  /** Audience words. */
  static final class AudienceConverter extends CliWords<Audience> {
    AudienceConverter() {
      super("client", Audience.CLIENT, "therapist", Audience.THERAPIST, "service",
          Audience.SERVICE);
    }
  }

  /** Format words. */
  static final class FormatConverter extends CliWords<Format> {
    FormatConverter() {
      super("text", Format.TEXT, "json", Format.JSON, "html", Format.HTML);
    }
  }

  /** Course words. */
  static final class CourseConverter extends CliWords<Course> {
    CourseConverter() {
      super("resolvable", Course.RESOLVABLE, "episodic", Course.EPISODIC, "chronic",
          Course.CHRONIC);
    }
  }

  /** Readiness words. */
  static final class StageConverter extends CliWords<ReadinessStage> {
    StageConverter() {
      super("precontemplation", ReadinessStage.PRECONTEMPLATION, "contemplation",
          ReadinessStage.CONTEMPLATION, "preparation", ReadinessStage.PREPARATION, "action",
          ReadinessStage.ACTION, "maintenance", ReadinessStage.MAINTENANCE);
    }
  }
}
