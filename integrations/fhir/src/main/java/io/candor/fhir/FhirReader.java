package io.candor.fhir;

import io.candor.domain.ClientId;
import io.candor.domain.Cohort;
import io.candor.domain.Observation;
import io.candor.domain.Trajectory;
import io.candor.measure.ItemScoring;
import io.candor.measure.RiskFlag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * Reads PHQ-9 and GAD-7 scores out of FHIR R4 resources.
 *
 * <ul>
 *   <li>A {@code QuestionnaireResponse} is recognised by its {@code questionnaire} canonical (see
 *       {@link LoincForm#matchesCanonical(String)}, or a {@code Questionnaire} in the same bundle
 *       whose {@code url} it names and whose {@code code} is the LOINC panel). Each item is found
 *       by its LOINC code as {@code linkId} (also {@code /44249-1/44250-9}), by a {@code
 *       Questionnaire.item.code} for its linkId, by {@code definition}, or by a linkId registered
 *       with {@link LoincForm#withLinkId(String, int)}; groups are searched. Answers may be LOINC
 *       answer codes ({@code LA6568-5} …), codings with an {@code ordinalValue} or {@code
 *       itemWeight} extension, integers, or whole decimals; a coding from {@code
 *       data-absent-reason} counts as not answered. The total comes from the instrument's {@link
 *       ItemScoring} (missing items prorated only where the instrument allows it), and its risk
 *       items become {@link RiskFlag}s. A total item in the response must equal the computed one.
 *   <li>An {@code Observation} whose code is a form's LOINC total ({@code 44261-6}, {@code
 *       70274-6}) gives that total ({@code valueInteger} or {@code valueQuantity}), checked
 *       against the instrument's range.
 *   <li>Responses count when {@code completed} or {@code amended}, observations when {@code
 *       final}, {@code amended} or {@code corrected}; other statuses are excluded and reported. An
 *       observation {@code derivedFrom} a response in the same bundle is the same assessment: it
 *       must agree with the scored response and is then reported as excluded.
 *   <li>Scores are ordered per patient and instrument by {@code authored} or {@code
 *       effectiveDateTime} (a date without time counts as 00:00 UTC) and numbered from the first
 *       session ({@link #withFirstSession(int)}, 0 by default: Candor's intake). Two scores at the
 *       same time are an error naming both.
 * </ul>
 *
 * Every error is an {@link IllegalArgumentException} naming the FHIR path ({@code
 * Bundle.entry[2].resource.item[8].answer[0].valueCoding}) and what is allowed.
 *
 * <p>Immutable and thread-safe.
 */
public final class FhirReader {

  /** The {@code ordinalValue} extension (R4 core), numeric value of a coded answer. */
  static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

  /** The {@code itemWeight} extension (SDC and R5 core), same meaning. */
  static final String ITEM_WEIGHT = "http://hl7.org/fhir/StructureDefinition/itemWeight";

  /** Codes that say an answer is absent. */
  static final String DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

  private static final Set<String> RESPONSE_COUNTS = Set.of("completed", "amended");
  private static final Set<String> OBSERVATION_COUNTS = Set.of("final", "amended", "corrected");

  private static final FhirReader DEFAULTS =
      new FhirReader(LoincForm.builtIn(), Unrecognised.FAIL, 0);

  private final List<LoincForm> forms;
  private final Unrecognised unrecognised;
  private final int firstSession;

  private FhirReader(List<LoincForm> forms, Unrecognised unrecognised, int firstSession) {
    this.forms = List.copyOf(forms);
    this.unrecognised = unrecognised;
    this.firstSession = firstSession;
  }

  /**
   * PHQ-9 and GAD-7 by their LOINC codes, unrecognised resources an error, sessions from 0.
   *
   * @return the default reader
   */
  public static FhirReader withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy reading these forms (for example {@link LoincForm#PHQ9} with your own linkIds).
   *
   * @param newForms one or more forms, at most one per instrument
   * @return the copy
   * @throws IllegalArgumentException if none is given or two are for the same instrument
   */
  public FhirReader withForms(LoincForm... newForms) {
    Objects.requireNonNull(newForms, "forms");
    if (newForms.length == 0) {
      throw new IllegalArgumentException("forms must name at least one form");
    }
    List<LoincForm> list = new ArrayList<>();
    for (LoincForm f : newForms) {
      Objects.requireNonNull(f, "form");
      if (LoincForm.byInstrument(list, f.instrument().id()).isPresent()) {
        throw new IllegalArgumentException("two forms for " + f.instrument().id() + "; give one");
      }
      list.add(f);
    }
    return new FhirReader(list, unrecognised, firstSession);
  }

  /**
   * A copy with this handling of other questionnaires and observation codes.
   *
   * @param policy fail (default) or exclude and report
   * @return the copy
   */
  public FhirReader with(Unrecognised policy) {
    return new FhirReader(forms, Objects.requireNonNull(policy, "policy"), firstSession);
  }

  /**
   * A copy numbering each trajectory's sessions from this number (0: the first score is the
   * intake; 1: the first score is session 1).
   *
   * @param session 0 or more
   * @return the copy
   * @throws IllegalArgumentException if negative
   */
  public FhirReader withFirstSession(int session) {
    if (session < 0) {
      throw new IllegalArgumentException("firstSession must be >= 0, was " + session);
    }
    return new FhirReader(forms, unrecognised, session);
  }

  /**
   * The forms read.
   *
   * @return the forms (unmodifiable)
   */
  public List<LoincForm> forms() {
    return forms;
  }

  /**
   * The handling of other questionnaires and codes.
   *
   * @return the policy
   */
  public Unrecognised unrecognised() {
    return unrecognised;
  }

  /**
   * The number of each trajectory's first session.
   *
   * @return 0 or more
   */
  public int firstSession() {
    return firstSession;
  }

  /**
   * Scores one completed {@code QuestionnaireResponse}, found by its {@code questionnaire}
   * canonical.
   *
   * @param response the response
   * @return the score, raw responses and risk flags
   * @throws IllegalArgumentException naming the FHIR path when the questionnaire is not one of the
   *     forms, an item or answer code is unknown, an answer is out of range, too many items are
   *     missing, or a stated total disagrees with the computed one
   */
  public FormScore score(QuestionnaireResponse response) {
    Objects.requireNonNull(response, "response");
    String path = "QuestionnaireResponse" + idSuffix(response);
    LoincForm form = formOf(response, Map.of(), path)
        .orElseThrow(() -> new IllegalArgumentException(unknownQuestionnaire(response, path)));
    return score(response, form, Map.of(), path);
  }

  /**
   * Reads every score in a {@code Bundle}.
   *
   * @param bundle the bundle (any type: collection, searchset, transaction, document)
   * @return the cohort, the scores and what was excluded
   * @throws IllegalArgumentException naming the FHIR path of the first resource that cannot be
   *     read (see the class description)
   */
  public FhirCohort read(Bundle bundle) {
    Objects.requireNonNull(bundle, "bundle");
    List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
    Map<String, QuestionnaireIndex> questionnaires = new HashMap<>();
    for (Bundle.BundleEntryComponent e : entries) {
      if (e.getResource() instanceof Questionnaire q && q.hasUrl()) {
        QuestionnaireIndex index = QuestionnaireIndex.of(q, forms);
        if (index != null) {
          questionnaires.put(LoincForm.stripVersion(q.getUrl()), index);
        }
      }
    }
    List<Pending> pending = new ArrayList<>();
    List<Exclusion> excluded = new ArrayList<>();
    Map<String, Pending> responsesByReference = new HashMap<>();
    List<DerivedCheck> derived = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Bundle.BundleEntryComponent e = entries.get(i);
      String path = "Bundle.entry[" + i + "].resource";
      Resource r = e.getResource();
      if (r == null) {
        throw new IllegalArgumentException(path + " is missing: every entry needs a resource");
      }
      if (r instanceof QuestionnaireResponse qr) {
        readResponse(qr, path + idSuffix(qr), e, questionnaires, pending, excluded)
            .ifPresent(p -> {
              responsesByReference.put(p.reference, p);
              if (qr.hasIdElement() && qr.getIdElement().hasIdPart()) {
                responsesByReference.put("QuestionnaireResponse/" + qr.getIdElement().getIdPart(), p);
              }
            });
      } else if (r instanceof org.hl7.fhir.r4.model.Observation o) {
        readObservation(o, path + idSuffix(o), e, pending, excluded, derived);
      } else {
        excluded.add(new Exclusion(path, Exclusion.Reason.NOT_A_SCORE,
            r.fhirType() + (r instanceof Questionnaire ? " (definition, used for its item codes)" : "")));
      }
    }
    for (DerivedCheck d : derived) {
      Pending response = d.references.stream().map(responsesByReference::get)
          .filter(Objects::nonNull).findFirst().orElse(null);
      if (response == null) {
        pending.add(d.observation);
        continue;
      }
      Pending o = d.observation;
      if (!response.instrument.equals(o.instrument) || response.score != o.score) {
        throw new IllegalArgumentException(o.path + ".value: the total " + fmt(o.score) + " ("
            + o.instrument + ") disagrees with the QuestionnaireResponse it is derived from ("
            + response.path + "), scored " + fmt(response.score) + " (" + response.instrument + ")");
      }
      excluded.add(new Exclusion(o.path, Exclusion.Reason.DERIVED_FROM_RESPONSE,
          "derivedFrom " + response.reference + ", which was scored from its items"));
    }
    excluded.sort(Comparator.comparingInt(x -> entryIndex(x.path())));
    return assemble(pending, excluded);
  }

  private Optional<Pending> readResponse(QuestionnaireResponse qr, String path,
      Bundle.BundleEntryComponent entry, Map<String, QuestionnaireIndex> questionnaires,
      List<Pending> pending, List<Exclusion> excluded) {
    String status = qr.hasStatus() ? qr.getStatus().toCode() : "(none)";
    Optional<LoincForm> form = formOf(qr, questionnaires, path);
    if (form.isEmpty()) {
      if (unrecognised == Unrecognised.FAIL) {
        throw new IllegalArgumentException(unknownQuestionnaire(qr, path));
      }
      excluded.add(new Exclusion(path, Exclusion.Reason.UNRECOGNISED,
          "questionnaire " + (qr.hasQuestionnaire() ? qr.getQuestionnaire() : "(none)")));
      return Optional.empty();
    }
    if (!RESPONSE_COUNTS.contains(status)) {
      excluded.add(new Exclusion(path, Exclusion.Reason.NOT_FINAL, "status " + status));
      return Optional.empty();
    }
    QuestionnaireIndex index = questionnaires.get(LoincForm.stripVersion(qr.getQuestionnaire()));
    Map<String, String> codes = index == null ? Map.of() : index.codeByLinkId;
    FormScore s = score(qr, form.get(), codes, path);
    ClientId client = FhirPaths.client(qr.getSubject(), path + ".subject");
    FhirPaths.When when = FhirPaths.when(qr.getAuthoredElement(), path + ".authored");
    Pending p = new Pending(client, form.get().instrument().id(), when, s.total(), s.prorated(),
        s.riskFlags(), ImportedScore.Origin.QUESTIONNAIRE_RESPONSE, reference(qr, entry), path);
    pending.add(p);
    return Optional.of(p);
  }

  private void readObservation(org.hl7.fhir.r4.model.Observation o, String path,
      Bundle.BundleEntryComponent entry, List<Pending> pending, List<Exclusion> excluded,
      List<DerivedCheck> derived) {
    Optional<LoincForm> form = forms.stream().filter(f -> hasLoinc(o.getCode(), f.totalCode()))
        .findFirst();
    if (form.isEmpty()) {
      String codes = codes(o.getCode());
      if (unrecognised == Unrecognised.FAIL) {
        throw new IllegalArgumentException(path + ".code: " + codes + " is not a total score Candor"
            + " reads; known: " + forms.stream().map(f -> LoincForm.LOINC + "|" + f.totalCode()
                + " (" + f.instrument().id() + " total)").toList()
            + " (use Unrecognised.EXCLUDE to leave other observations out)");
      }
      excluded.add(new Exclusion(path, Exclusion.Reason.UNRECOGNISED, "code " + codes));
      return;
    }
    String status = o.hasStatus() ? o.getStatus().toCode() : "(none)";
    if (!OBSERVATION_COUNTS.contains(status)) {
      excluded.add(new Exclusion(path, Exclusion.Reason.NOT_FINAL, "status " + status));
      return;
    }
    if (!o.hasValue()) {
      if (o.hasDataAbsentReason()) {
        excluded.add(new Exclusion(path, Exclusion.Reason.NO_VALUE,
            "dataAbsentReason " + codes(o.getDataAbsentReason())));
        return;
      }
      throw new IllegalArgumentException(path + ".value[x] is missing: a total-score Observation"
          + " needs valueInteger or valueQuantity (or a dataAbsentReason)");
    }
    LoincForm f = form.get();
    double score = observationValue(o.getValue(), path);
    try {
      f.instrument().checkScore("total", score);
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException(path + ".value: " + ex.getMessage(), ex);
    }
    ClientId client = FhirPaths.client(o.getSubject(), path + ".subject");
    FhirPaths.When when = effective(o, path);
    Pending p = new Pending(client, f.instrument().id(), when, score, false, List.of(),
        ImportedScore.Origin.OBSERVATION, reference(o, entry), path);
    List<String> refs = new ArrayList<>();
    for (Reference r : o.getDerivedFrom()) {
      if (r.hasReference()) {
        refs.add(r.getReference());
      }
    }
    if (refs.isEmpty()) {
      pending.add(p);
    } else {
      derived.add(new DerivedCheck(p, refs));
    }
  }

  private static double observationValue(Type value, String path) {
    if (value instanceof IntegerType i) {
      return i.getValue();
    }
    if (value instanceof Quantity q) {
      if (!q.hasValue()) {
        throw new IllegalArgumentException(path + ".valueQuantity.value is missing");
      }
      return q.getValue().doubleValue();
    }
    throw new IllegalArgumentException(path + ".value[x]: a total score must be valueInteger or"
        + " valueQuantity, was " + value.fhirType());
  }

  private static FhirPaths.When effective(org.hl7.fhir.r4.model.Observation o, String path) {
    if (!o.hasEffective()) {
      throw new IllegalArgumentException(path + ".effective[x] is missing: a score needs the date"
          + " it was taken (effectiveDateTime)");
    }
    Type t = o.getEffective();
    if (t instanceof DateTimeType d) {
      return FhirPaths.when(d, path + ".effectiveDateTime");
    }
    if (t instanceof InstantType i) {
      return FhirPaths.when(new DateTimeType(i.getValueAsString()), path + ".effectiveInstant");
    }
    throw new IllegalArgumentException(path + ".effective[x] must be a dateTime"
        + " (effectiveDateTime) or an instant, was " + t.fhirType());
  }

  /** Scores the items of a response on a form. */
  private FormScore score(QuestionnaireResponse qr, LoincForm form, Map<String, String> codes,
      String path) {
    ItemScoring scoring = form.scoring();
    OptionalInt[] responses = new OptionalInt[scoring.items()];
    Arrays.fill(responses, OptionalInt.empty());
    String[] where = new String[scoring.items()];
    double[] statedTotal = {Double.NaN};
    String[] totalPath = {null};
    walk(qr.getItem(), path + ".item", form, codes, responses, where, statedTotal, totalPath);
    List<OptionalInt> list = List.of(responses);
    ItemScoring.ItemScore total;
    try {
      total = scoring.score(list);
    } catch (IllegalArgumentException e) {
      List<Integer> missing = new ArrayList<>();
      for (int k = 0; k < responses.length; k++) {
        if (responses[k].isEmpty()) {
          missing.add(k + 1);
        }
      }
      throw new IllegalArgumentException(path + ".item: " + e.getMessage() + " (not answered: "
          + form.instrument().id() + " items " + missing + ", LOINC " + missing.stream()
              .map(k -> form.itemCodes().get(k - 1)).toList() + ")", e);
    }
    if (!Double.isNaN(statedTotal[0]) && Math.abs(statedTotal[0] - total.total()) > 1e-9) {
      throw new IllegalArgumentException(totalPath[0] + ": the stated total " + fmt(statedTotal[0])
          + " differs from the total of the item answers, " + fmt(total.total()));
    }
    return new FormScore(form, total.total(), total.answered(), total.prorated(), list,
        scoring.riskFlags(list));
  }

  private void walk(List<QuestionnaireResponseItemComponent> items, String base, LoincForm form,
      Map<String, String> codes, OptionalInt[] responses, String[] where, double[] statedTotal,
      String[] totalPath) {
    for (int i = 0; i < items.size(); i++) {
      QuestionnaireResponseItemComponent item = items.get(i);
      String path = base + "[" + i + "]";
      String linkId = item.getLinkId();
      if (linkId == null || linkId.isBlank()) {
        throw new IllegalArgumentException(path + ".linkId is missing");
      }
      OptionalInt number = itemNumber(form, codes, item);
      String key = codes.getOrDefault(linkId, linkId);
      if (number.isEmpty() && !item.hasAnswer() && item.hasItem()) {
        walk(item.getItem(), path + ".item", form, codes, responses, where, statedTotal, totalPath);
        continue;
      }
      if (number.isEmpty() && (form.isTotal(key) || form.isTotal(definitionCode(item)))) {
        if (item.hasAnswer()) {
          statedTotal[0] = totalAnswer(item, path);
          totalPath[0] = path + ".answer[0]";
        }
        continue;
      }
      if (number.isEmpty() && (form.isUnscored(key) || form.isUnscored(definitionCode(item)))) {
        continue;
      }
      if (number.isEmpty()) {
        throw new IllegalArgumentException(path + ".linkId: " + FhirPaths.quote(linkId)
            + " is not an item of "
            + form.instrument().id() + "; its items are LOINC " + form.itemCodes()
            + (form.linkIds().isEmpty() ? "" : " or linkIds " + form.linkIds().keySet())
            + " (register your own linkIds with LoincForm.withLinkId)");
      }
      int k = number.getAsInt();
      if (where[k - 1] != null) {
        throw new IllegalArgumentException(path + ": " + form.instrument().id() + " item " + k
            + " is answered twice (also at " + where[k - 1] + ")");
      }
      where[k - 1] = path;
      responses[k - 1] = answer(item, path, form, k);
      if (item.hasItem()) {
        walk(item.getItem(), path + ".item", form, codes, responses, where, statedTotal, totalPath);
      }
    }
  }

  private static OptionalInt itemNumber(LoincForm form, Map<String, String> codes,
      QuestionnaireResponseItemComponent item) {
    String linkId = item.getLinkId();
    OptionalInt n = form.item(linkId);
    if (n.isPresent()) {
      return n;
    }
    String code = codes.get(linkId);
    if (code != null) {
      n = form.item(code);
      if (n.isPresent()) {
        return n;
      }
    }
    String def = definitionCode(item);
    return def.isEmpty() ? OptionalInt.empty() : form.item(def);
  }

  /** The LOINC code at the end of {@code item.definition} ({@code ...#44250-9}), or "". */
  private static String definitionCode(QuestionnaireResponseItemComponent item) {
    if (!item.hasDefinition()) {
      return "";
    }
    String d = item.getDefinition();
    int cut = Math.max(d.lastIndexOf('#'), Math.max(d.lastIndexOf('/'), d.lastIndexOf('.')));
    // LOINC codes contain no '.', but "Questionnaire.item.44250-9"-like paths might
    return d.substring(cut + 1);
  }

  private static OptionalInt answer(QuestionnaireResponseItemComponent item, String path,
      LoincForm form, int k) {
    List<QuestionnaireResponseItemAnswerComponent> answers = item.getAnswer();
    if (answers.isEmpty()) {
      return OptionalInt.empty();
    }
    if (answers.size() > 1) {
      throw new IllegalArgumentException(path + ".answer: " + form.instrument().id() + " item " + k
          + " takes one answer, has " + answers.size());
    }
    String at = path + ".answer[0]";
    Type v = answers.get(0).getValue();
    if (v == null) {
      throw new IllegalArgumentException(at + ".value[x] is missing");
    }
    ItemScoring scoring = form.scoring();
    int response;
    if (v instanceof Coding c) {
      at += ".valueCoding";
      if (DATA_ABSENT.equals(c.getSystem())) {
        return OptionalInt.empty();
      }
      OptionalInt weight = weight(c, at);
      OptionalInt coded = LoincForm.LOINC.equals(c.getSystem()) && c.hasCode()
          ? form.answer(c.getCode()) : OptionalInt.empty();
      if (coded.isPresent() && weight.isPresent() && coded.getAsInt() != weight.getAsInt()) {
        throw new IllegalArgumentException(at + ": LOINC answer " + c.getCode() + " means "
            + coded.getAsInt() + " but its weight extension says " + weight.getAsInt());
      }
      if (coded.isEmpty() && weight.isEmpty()) {
        throw new IllegalArgumentException(at + ": unknown answer code " + c.getSystem() + "|"
            + c.getCode() + " for " + form.instrument().id() + " item " + k + "; known: LOINC "
            + form.answerList() + ", or a coding with an ordinalValue/itemWeight extension");
      }
      response = coded.isPresent() ? coded.getAsInt() : weight.getAsInt();
    } else if (v instanceof IntegerType i) {
      at += ".valueInteger";
      response = i.getValue();
    } else if (v instanceof DecimalType d) {
      at += ".valueDecimal";
      response = whole(d.getValue(), at);
    } else {
      throw new IllegalArgumentException(at + ": " + form.instrument().id() + " item " + k
          + " needs valueCoding, valueInteger or valueDecimal, was value" + capital(v.fhirType()));
    }
    if (response < scoring.itemMin() || response > scoring.itemMax()) {
      throw new IllegalArgumentException(at + ": " + form.instrument().id() + " item " + k
          + " must be " + scoring.itemMin() + "-" + scoring.itemMax() + ", was " + response);
    }
    return OptionalInt.of(response);
  }

  private static OptionalInt weight(Coding c, String at) {
    for (Extension e : c.getExtension()) {
      if (ORDINAL_VALUE.equals(e.getUrl()) || ITEM_WEIGHT.equals(e.getUrl())) {
        if (e.getValue() instanceof DecimalType d) {
          return OptionalInt.of(whole(d.getValue(), at + ".extension(" + e.getUrl() + ")"));
        }
        if (e.getValue() instanceof IntegerType i) {
          return OptionalInt.of(i.getValue());
        }
        throw new IllegalArgumentException(at + ".extension(" + e.getUrl()
            + ") must hold valueDecimal");
      }
    }
    return OptionalInt.empty();
  }

  private static double totalAnswer(QuestionnaireResponseItemComponent item, String path) {
    Type v = item.getAnswerFirstRep().getValue();
    if (v instanceof IntegerType i) {
      return i.getValue();
    }
    if (v instanceof DecimalType d) {
      return d.getValue().doubleValue();
    }
    if (v instanceof Quantity q && q.hasValue()) {
      return q.getValue().doubleValue();
    }
    throw new IllegalArgumentException(path + ".answer[0]: a total must be valueInteger,"
        + " valueDecimal or valueQuantity, was " + (v == null ? "missing" : v.fhirType()));
  }

  private static int whole(BigDecimal value, String at) {
    if (value == null) {
      throw new IllegalArgumentException(at + " has no value");
    }
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(at + " must be a whole number, was " + value.toPlainString(), e);
    }
  }

  private Optional<LoincForm> formOf(QuestionnaireResponse qr,
      Map<String, QuestionnaireIndex> questionnaires, String path) {
    if (!qr.hasQuestionnaire()) {
      throw new IllegalArgumentException(path + ".questionnaire is missing: Candor needs it to"
          + " tell which instrument was answered (e.g. http://loinc.org/q/44249-1 for PHQ-9)");
    }
    String canonical = qr.getQuestionnaire();
    for (LoincForm f : forms) {
      if (f.matchesCanonical(canonical)) {
        return Optional.of(f);
      }
    }
    QuestionnaireIndex index = questionnaires.get(LoincForm.stripVersion(canonical));
    return index == null ? Optional.empty() : Optional.of(index.form);
  }

  private String unknownQuestionnaire(QuestionnaireResponse qr, String path) {
    return path + ".questionnaire: " + qr.getQuestionnaire() + " is not a questionnaire Candor"
        + " scores; known: " + forms.stream().map(f -> f.instrument().id() + " (LOINC "
            + f.panelCode() + ")").toList() + ", by a canonical ending in the LOINC panel code, a"
        + " registered canonical (LoincForm.withCanonical) or a Questionnaire in the bundle whose"
        + " code is the panel";
  }

  private static boolean hasLoinc(CodeableConcept code, String loinc) {
    for (Coding c : code.getCoding()) {
      if (LoincForm.LOINC.equals(c.getSystem()) && loinc.equals(c.getCode())) {
        return true;
      }
    }
    return false;
  }

  private static String codes(CodeableConcept code) {
    if (!code.hasCoding()) {
      return code.hasText() ? FhirPaths.quote(code.getText()) + " (no coding)" : "(no code)";
    }
    return String.join(", ", code.getCoding().stream()
        .map(c -> (c.hasSystem() ? c.getSystem() + "|" : "") + c.getCode()).toList());
  }

  private static String reference(Resource r, Bundle.BundleEntryComponent entry) {
    if (r.hasIdElement() && r.getIdElement().hasIdPart()) {
      return r.fhirType() + "/" + r.getIdElement().getIdPart();
    }
    return entry != null && entry.hasFullUrl() ? entry.getFullUrl() : r.fhirType();
  }

  private static String idSuffix(Resource r) {
    return r.hasIdElement() && r.getIdElement().hasIdPart()
        ? "(" + r.fhirType() + "/" + r.getIdElement().getIdPart() + ")" : "";
  }

  private static int entryIndex(String path) {
    int open = path.indexOf('[');
    int close = path.indexOf(']');
    return open < 0 || close < open ? -1 : Integer.parseInt(path.substring(open + 1, close));
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** Orders the scores, numbers the sessions and builds the trajectories. */
  private FhirCohort assemble(List<Pending> pending, List<Exclusion> excluded) {
    Map<ClientId, Map<String, List<Pending>>> byClient = new LinkedHashMap<>();
    for (Pending p : pending) {
      byClient.computeIfAbsent(p.client, k -> new LinkedHashMap<>())
          .computeIfAbsent(p.instrument, k -> new ArrayList<>()).add(p);
    }
    List<Trajectory> trajectories = new ArrayList<>();
    List<ImportedScore> scores = new ArrayList<>();
    for (Map.Entry<ClientId, Map<String, List<Pending>>> c : byClient.entrySet()) {
      for (Map.Entry<String, List<Pending>> s : c.getValue().entrySet()) {
        List<Pending> list = s.getValue();
        list.sort(Comparator.comparing(p -> p.when));
        List<Observation> obs = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
          Pending p = list.get(i);
          if (i > 0 && p.when.compareTo(list.get(i - 1).when) == 0) {
            throw new IllegalArgumentException(p.path + ": patient " + c.getKey() + " has two "
                + s.getKey() + " scores at " + p.when.text() + " (also " + list.get(i - 1).path
                + "); a trajectory needs one score per time");
          }
          int session = firstSession + i;
          obs.add(Observation.of(session, p.when.date(), p.score));
          scores.add(new ImportedScore(c.getKey(), s.getKey(), session, p.when.date(),
              p.when.text(), p.score, p.prorated, p.flags, p.origin, p.reference, p.path));
        }
        LoincForm form = LoincForm.byInstrument(forms, s.getKey()).orElseThrow();
        trajectories.add(Trajectory.of(c.getKey(), form.instrument(), obs));
      }
    }
    return new FhirCohort(Cohort.of(trajectories), scores, excluded);
  }

  /** A score read but not yet placed in its trajectory. */
  private record Pending(ClientId client, String instrument, FhirPaths.When when, double score,
      boolean prorated, List<RiskFlag> flags, ImportedScore.Origin origin, String reference,
      String path) {}

  /** An observation derived from other resources: a duplicate if one is a scored response. */
  private record DerivedCheck(Pending observation, List<String> references) {}

  /** A Questionnaire in the bundle that is one of the forms, with its linkId → code map. */
  private record QuestionnaireIndex(LoincForm form, Map<String, String> codeByLinkId) {
    static QuestionnaireIndex of(Questionnaire q, List<LoincForm> forms) {
      for (LoincForm f : forms) {
        boolean match = q.getCode().stream()
            .anyMatch(c -> LoincForm.LOINC.equals(c.getSystem()) && f.panelCode().equals(c.getCode()));
        if (match) {
          Map<String, String> map = new HashMap<>();
          collect(q.getItem(), map);
          return new QuestionnaireIndex(f, map);
        }
      }
      return null;
    }

    private static void collect(List<Questionnaire.QuestionnaireItemComponent> items,
        Map<String, String> map) {
      for (Questionnaire.QuestionnaireItemComponent item : items) {
        for (Coding c : item.getCode()) {
          if (LoincForm.LOINC.equals(c.getSystem()) && c.hasCode()) {
            map.put(item.getLinkId(), c.getCode());
          }
        }
        collect(item.getItem(), map);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FhirReader r && forms.equals(r.forms) && unrecognised == r.unrecognised
        && firstSession == r.firstSession;
  }

  @Override
  public int hashCode() {
    return Objects.hash(forms, unrecognised, firstSession);
  }

  @Override
  public String toString() {
    return "FhirReader[forms " + forms.stream().map(f -> f.instrument().id()).toList() + ", "
        + unrecognised + ", first session " + firstSession + "]";
  }
}
