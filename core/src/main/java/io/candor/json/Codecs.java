package io.candor.json;

import io.candor.domain.Client;
import io.candor.domain.ClientId;
import io.candor.domain.Cohort;
import io.candor.domain.Condition;
import io.candor.domain.Course;
import io.candor.domain.Observation;
import io.candor.domain.PlainScale;
import io.candor.domain.ReadinessStage;
import io.candor.domain.ScoreScale;
import io.candor.domain.Trajectory;
import io.candor.evidence.Certainty;
import io.candor.evidence.Citation;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.evidence.Statement;
import io.candor.internal.Checks;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.measure.ItemScoring;
import io.candor.measure.Norms;
import io.candor.measure.SeverityBand;
import io.candor.progress.DropoutDefinition;
import io.candor.progress.DropoutHazard;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tree codecs for the evidence, domain and measure types: one {@code write} and one {@code read}
 * per type. The field names here are the wire format documented in {@link CandorJson}.
 */
final class Codecs {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Codecs() {}

  // ------------------------------------------------------------------ evidence

  static ObjectNode write(Citation c) {
    ObjectNode o = F.objectNode();
    o.put("key", c.key());
    o.put("authors", c.authors());
    o.put("year", c.year());
    o.put("title", c.title());
    o.put("where", c.where());
    c.doi().ifPresentOrElse(d -> o.put("doi", d), () -> o.putNull("doi"));
    return o;
  }

  static Citation readCitation(JsonIn in) {
    if (in.isString()) {
      String key = in.string();
      return Citations.byKey(key)
          .orElseThrow(() -> in.error("names an unknown citation key " + Checks.quote(key)
              + "; give the full citation object instead"));
    }
    in.only("key", "authors", "year", "title", "where", "doi");
    String key = in.field("key").string();
    String authors = in.field("authors").string();
    int year = in.field("year").integer();
    String title = in.field("title").string();
    String where = in.field("where").string();
    Optional<String> doi = in.optional("doi").map(JsonIn::string);
    return in.at(() -> new Citation(key, authors, year, title, where, doi));
  }

  /** A known citation is written as its key; any other as the full object. */
  static JsonNode writeCitationRef(Citation c) {
    return Citations.byKey(c.key()).filter(c::equals).isPresent() ? F.stringNode(c.key()) : write(c);
  }

  static ObjectNode write(Sourced s) {
    ObjectNode o = F.objectNode();
    o.put("value", s.value());
    o.set("source", writeCitationRef(s.source()));
    o.put("certainty", s.certainty().name());
    o.put("note", s.note());
    return o;
  }

  static Sourced readSourced(JsonIn in) {
    in.only("value", "source", "certainty", "note");
    double value = in.field("value").number();
    Citation source = readCitation(in.field("source"));
    Certainty certainty = in.field("certainty").enumValue(Certainty.class);
    String note = in.field("note").string();
    return in.at(() -> new Sourced(value, source, certainty, note));
  }

  static ObjectNode write(Statement s) {
    ObjectNode o = F.objectNode();
    o.put("text", s.text());
    o.set("source", writeCitationRef(s.source()));
    o.put("certainty", s.certainty().name());
    return o;
  }

  static Statement readStatement(JsonIn in) {
    in.only("text", "source", "certainty");
    String text = in.field("text").string();
    Citation source = readCitation(in.field("source"));
    Certainty certainty = in.field("certainty").enumValue(Certainty.class);
    return in.at(() -> new Statement(text, source, certainty));
  }

  private static JsonNode writeOptional(Optional<Sourced> s) {
    return s.<JsonNode>map(Codecs::write).orElse(F.nullNode());
  }

  // ------------------------------------------------------------------ domain

  static ClientId readClientId(JsonIn in) {
    String s = in.string();
    return in.at(() -> ClientId.of(s));
  }

  static ObjectNode write(Condition c) {
    ObjectNode o = F.objectNode();
    o.put("name", c.name());
    c.icd11Code().ifPresentOrElse(v -> o.put("icd11Code", v), () -> o.putNull("icd11Code"));
    o.put("course", c.course().name());
    c.onset().ifPresentOrElse(v -> o.put("onset", v.toString()), () -> o.putNull("onset"));
    c.duration().ifPresentOrElse(v -> o.put("duration", v.toString()), () -> o.putNull("duration"));
    return o;
  }

  static Condition readCondition(JsonIn in) {
    in.only("name", "icd11Code", "course", "onset", "duration");
    String name = in.field("name").string();
    Optional<String> code = in.optional("icd11Code").map(JsonIn::string);
    Course course = in.field("course").enumValue(Course.class);
    var onset = in.optional("onset").map(JsonIn::date);
    var duration = in.optional("duration").map(JsonIn::period);
    return in.at(() -> new Condition(name, code, course, onset, duration));
  }

  static ObjectNode write(Client c) {
    ObjectNode o = F.objectNode();
    o.put("id", c.id().value());
    ArrayNode conditions = o.putArray("conditions");
    c.conditions().forEach(x -> conditions.add(write(x)));
    o.put("readiness", c.readiness().name());
    c.intakeDate().ifPresentOrElse(v -> o.put("intakeDate", v.toString()), () -> o.putNull("intakeDate"));
    return o;
  }

  static Client readClient(JsonIn in) {
    in.only("id", "conditions", "readiness", "intakeDate");
    ClientId id = readClientId(in.field("id"));
    List<Condition> conditions = in.field("conditions").list(Codecs::readCondition);
    ReadinessStage stage = in.field("readiness").enumValue(ReadinessStage.class);
    var intake = in.optional("intakeDate").map(JsonIn::date);
    return in.at(() -> new Client(id, conditions, stage, intake));
  }

  static ObjectNode write(Observation obs) {
    ObjectNode o = F.objectNode();
    o.put("session", obs.session());
    obs.date().ifPresentOrElse(v -> o.put("date", v.toString()), () -> o.putNull("date"));
    o.put("score", obs.score());
    return o;
  }

  static Observation readObservation(JsonIn in) {
    in.only("session", "date", "score");
    int session = in.field("session").integer();
    var date = in.optional("date").map(JsonIn::date);
    double score = in.field("score").number();
    return in.at(() -> new Observation(session, date, score));
  }

  /**
   * A built-in instrument is written as its id; a user-defined instrument as its full
   * description; a plain scale as {@code {"id", "minScore", "maxScore"}}.
   */
  static JsonNode writeScale(ScoreScale s) {
    if (s instanceof Instrument i) {
      return writeInstrumentRef(i);
    }
    ObjectNode o = F.objectNode();
    o.put("id", s.id());
    o.put("minScore", s.minScore());
    o.put("maxScore", s.maxScore());
    return o;
  }

  static ScoreScale readScale(JsonIn in) {
    if (in.isString() || (in.isObject() && in.has("direction"))) {
      return readInstrument(in);
    }
    in.only("id", "minScore", "maxScore");
    String id = in.field("id").string();
    double min = in.field("minScore").number();
    double max = in.field("maxScore").number();
    return in.at(() -> new PlainScale(id, min, max));
  }

  static ObjectNode write(Trajectory t) {
    ObjectNode o = F.objectNode();
    o.put("client", t.client().value());
    o.set("scale", writeScale(t.scale()));
    ArrayNode obs = o.putArray("observations");
    t.observations().forEach(x -> obs.add(write(x)));
    return o;
  }

  static Trajectory readTrajectory(JsonIn in) {
    in.only("client", "scale", "observations");
    ClientId client = readClientId(in.field("client"));
    ScoreScale scale = readScale(in.field("scale"));
    List<Observation> obs = in.field("observations").list(Codecs::readObservation);
    return in.at(() -> Trajectory.of(client, scale, obs));
  }

  static ObjectNode write(Cohort c) {
    ObjectNode o = F.objectNode();
    ArrayNode ts = o.putArray("trajectories");
    c.trajectories().forEach(t -> ts.add(write(t)));
    return o;
  }

  static Cohort readCohort(JsonIn in) {
    in.only("trajectories");
    List<Trajectory> ts = in.field("trajectories").list(Codecs::readTrajectory);
    return in.at(() -> Cohort.of(ts));
  }

  // ------------------------------------------------------------------ progress

  static ObjectNode write(DropoutDefinition d) {
    ObjectNode o = F.objectNode();
    if (d instanceof DropoutDefinition.BeforeSession b) {
      o.put("kind", "beforeSession");
      o.put("plannedSessions", b.plannedSessions());
    } else if (d instanceof DropoutDefinition.Flagged f) {
      o.put("kind", "flagged");
      ArrayNode ids = o.putArray("dropouts");
      f.dropouts().stream().sorted().forEach(id -> ids.add(id.value()));
    } else {
      throw new IllegalStateException("unknown dropout definition " + d);
    }
    return o;
  }

  static DropoutDefinition readDropoutDefinition(JsonIn in) {
    String kind = in.field("kind").string();
    switch (kind) {
      case "beforeSession": {
        in.only("kind", "plannedSessions");
        int planned = in.field("plannedSessions").integer();
        return in.at(() -> DropoutDefinition.beforeSession(planned));
      }
      case "flagged": {
        in.only("kind", "dropouts");
        List<ClientId> ids = in.field("dropouts").list(Codecs::readClientId);
        return in.at(() -> DropoutDefinition.flagged(new LinkedHashSet<>(ids)));
      }
      default:
        throw new IllegalArgumentException(
            in.path() + ".kind must be beforeSession or flagged, was " + Checks.quote(kind));
    }
  }

  static ObjectNode write(DropoutHazard h) {
    ObjectNode o = F.objectNode();
    o.put("group", h.group());
    ArrayNode sessions = o.putArray("sessions");
    ArrayNode atRisk = o.putArray("atRisk");
    ArrayNode dropouts = o.putArray("dropouts");
    int[] s = h.sessions();
    int[] r = h.atRisk();
    int[] d = h.dropouts();
    for (int i = 0; i < s.length; i++) {
      sessions.add(s[i]);
      atRisk.add(r[i]);
      dropouts.add(d[i]);
    }
    return o;
  }

  static DropoutHazard readDropoutHazard(JsonIn in) {
    in.only("group", "sessions", "atRisk", "dropouts");
    String group = in.field("group").string();
    int[] sessions = in.field("sessions").list(JsonIn::integer).stream().mapToInt(Integer::intValue).toArray();
    int[] atRisk = in.field("atRisk").list(JsonIn::integer).stream().mapToInt(Integer::intValue).toArray();
    int[] dropouts = in.field("dropouts").list(JsonIn::integer).stream().mapToInt(Integer::intValue).toArray();
    return in.at(() -> DropoutHazard.ofCounts(group, sessions, atRisk, dropouts));
  }

  // ------------------------------------------------------------------ measure

  /** A built-in instrument is written as its id; a user-defined one in full. */
  static JsonNode writeInstrumentRef(Instrument i) {
    return isBuiltIn(i) ? F.stringNode(i.id()) : write(i);
  }

  /** Whether an instrument is one of Candor's built-in ones, which are written as their id. */
  static boolean isBuiltIn(Instrument i) {
    return Instruments.find(i.id()).filter(i::equals).isPresent();
  }

  static ObjectNode write(Instrument i) {
    ObjectNode o = F.objectNode();
    o.put("id", i.id());
    o.put("name", i.name());
    o.put("minScore", i.minScore());
    o.put("maxScore", i.maxScore());
    o.put("resolution", i.resolution());
    o.put("direction", i.direction().name());
    o.set("casenessCutoff", writeOptional(i.casenessCutoff()));
    ArrayNode bands = o.putArray("bands");
    for (SeverityBand b : i.bands()) {
      ObjectNode bo = bands.addObject();
      bo.put("label", b.label());
      bo.put("lower", b.lower());
      bo.put("upper", b.upper());
    }
    o.set("bandsSource", writeOptional(i.bandsSource()));
    o.set("reliability", write(i.reliability()));
    o.set("clinicalNorms", i.clinicalNorms().<JsonNode>map(Codecs::write).orElse(F.nullNode()));
    o.set("functionalNorms", i.functionalNorms().<JsonNode>map(Codecs::write).orElse(F.nullNode()));
    o.set("reliableChange", writeOptional(i.reliableChange()));
    o.put("licence", i.licence());
    o.set("itemScoring", i.itemScoring().<JsonNode>map(Codecs::write).orElse(F.nullNode()));
    return o;
  }

  static ObjectNode write(Norms n) {
    ObjectNode o = F.objectNode();
    o.set("mean", write(n.mean()));
    o.set("sd", write(n.sd()));
    return o;
  }

  static Norms readNorms(JsonIn in) {
    in.only("mean", "sd");
    Sourced mean = readSourced(in.field("mean"));
    Sourced sd = readSourced(in.field("sd"));
    return in.at(() -> new Norms(mean, sd));
  }

  static ObjectNode write(ItemScoring s) {
    ObjectNode o = F.objectNode();
    o.put("items", s.items());
    o.put("itemMin", s.itemMin());
    o.put("itemMax", s.itemMax());
    ArrayNode rev = o.putArray("reversed");
    s.reversed().stream().sorted().forEach(rev::add);
    o.put("maxProratedMissing", s.maxProratedMissing());
    o.put("instrumentId", s.instrumentId());
    ArrayNode risk = o.putArray("riskItems");
    s.riskItems().stream().sorted().forEach(risk::add);
    return o;
  }

  static ItemScoring readItemScoring(JsonIn in) {
    in.only("items", "itemMin", "itemMax", "reversed", "maxProratedMissing", "instrumentId",
        "riskItems");
    int items = in.field("items").integer();
    int min = in.field("itemMin").integer();
    int max = in.field("itemMax").integer();
    List<Integer> reversed = in.field("reversed").list(JsonIn::integer);
    int prorate = in.field("maxProratedMissing").integer();
    String id = in.field("instrumentId").string();
    // riskItems came after format 1's first release: absent means none declared
    List<Integer> risk = in.optional("riskItems").map(r -> r.list(JsonIn::integer)).orElse(List.of());
    return in.at(() -> new ItemScoring(items, min, max, new LinkedHashSet<>(reversed), prorate, id,
        new LinkedHashSet<>(risk)));
  }

  static Instrument readInstrument(JsonIn in) {
    if (in.isString()) {
      String id = in.string();
      return in.at(() -> Instruments.find(id))
          .orElseThrow(
              () ->
                  in.error(
                      "names an unknown instrument " + Checks.quote(id) + "; built in: "
                          + String.join(", ", Instruments.all().stream().map(Instrument::id).toList())
                          + " (or give a full instrument object)"));
    }
    in.only("id", "name", "minScore", "maxScore", "resolution", "direction", "casenessCutoff", "bands",
        "bandsSource", "reliability", "clinicalNorms", "functionalNorms", "reliableChange", "licence",
        "itemScoring");
    Instrument.Builder b =
        Instrument.builder(in.field("id").string(), in.field("name").string())
            .range(in.field("minScore").number(), in.field("maxScore").number())
            .resolution(in.field("resolution").number())
            .direction(in.field("direction").enumValue(Direction.class))
            .reliability(readSourced(in.field("reliability")))
            .licence(in.field("licence").string());
    in.optional("casenessCutoff").map(Codecs::readSourced).ifPresent(b::casenessCutoff);
    List<SeverityBand> bands = new ArrayList<>();
    for (JsonIn band : in.field("bands").array()) {
      band.only("label", "lower", "upper");
      String label = band.field("label").string();
      double lower = band.field("lower").number();
      double upper = band.field("upper").number();
      bands.add(band.at(() -> new SeverityBand(label, lower, upper)));
    }
    Optional<Sourced> bandsSource = in.optional("bandsSource").map(Codecs::readSourced);
    if (!bands.isEmpty() || bandsSource.isPresent()) {
      b.bands(bandsSource.orElse(null), bands.toArray(SeverityBand[]::new));
    }
    in.optional("clinicalNorms").map(Codecs::readNorms).ifPresent(b::clinicalNorms);
    in.optional("functionalNorms").map(Codecs::readNorms).ifPresent(b::functionalNorms);
    in.optional("reliableChange").map(Codecs::readSourced).ifPresent(b::reliableChange);
    in.optional("itemScoring").map(Codecs::readItemScoring).ifPresent(b::itemScoring);
    return in.at(b::build);
  }
}
