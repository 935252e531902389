package io.candor.fhir;

import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.measure.ItemScoring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How a questionnaire appears in FHIR: the LOINC panel code that names it, the LOINC code of each
 * item in item order, the LOINC code of its total score, the LOINC answer codes and the responses
 * they stand for, the questionnaire canonical URLs that identify it, and any local linkIds. The
 * built-in {@link #PHQ9} and {@link #GAD7} use the LOINC codes of panels 44249-1 and 69737-5 and
 * answer list LL358-3 ({@code LA6568-5} "Not at all" = 0 … {@code LA6571-9} "Nearly every day" =
 * 3); derive a variant for your own questionnaire with {@link #withCanonical(String)} and {@link
 * #withLinkId(String, int)}.
 *
 * <p>Candor holds codes only, never item text. Immutable and thread-safe.
 */
public final class LoincForm {

  /** The LOINC code system URI. */
  public static final String LOINC = "http://loinc.org";

  /** LOINC answer list LL358-3, shared by the PHQ-9 and GAD-7 items. */
  private static final Map<String, Integer> LL358_3 = Map.of(
      "LA6568-5", 0, "LA6569-3", 1, "LA6570-1", 2, "LA6571-9", 3);

  /** PHQ-9 (LOINC panel 44249-1, total 44261-6; item 9, code 44260-8, is the risk item). */
  public static final LoincForm PHQ9 = new LoincForm(Instruments.PHQ9, "44249-1", "44261-6",
      List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5",
          "44253-3", "44260-8"),
      Set.of("69722-7"), LL358_3, Set.of(), Map.of());

  /** GAD-7 (LOINC panel 69737-5, total 70274-6). */
  public static final LoincForm GAD7 = new LoincForm(Instruments.GAD7, "69737-5", "70274-6",
      List.of("69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"),
      Set.of("69726-8"), LL358_3, Set.of(), Map.of());

  private final Instrument instrument;
  private final String panelCode;
  private final String totalCode;
  private final List<String> itemCodes;
  private final Set<String> unscoredCodes;
  private final Map<String, Integer> answerCodes;
  private final Set<String> canonicals;
  private final Map<String, Integer> linkIds;

  private LoincForm(Instrument instrument, String panelCode, String totalCode,
      List<String> itemCodes, Set<String> unscoredCodes, Map<String, Integer> answerCodes,
      Set<String> canonicals, Map<String, Integer> linkIds) {
    this.instrument = instrument;
    this.panelCode = panelCode;
    this.totalCode = totalCode;
    this.itemCodes = List.copyOf(itemCodes);
    this.unscoredCodes = Set.copyOf(unscoredCodes);
    this.answerCodes = Map.copyOf(answerCodes);
    this.canonicals = Set.copyOf(canonicals);
    this.linkIds = Map.copyOf(linkIds);
  }

  /**
   * The built-in forms: {@link #PHQ9} and {@link #GAD7}.
   *
   * @return both, PHQ-9 first
   */
  public static List<LoincForm> builtIn() {
    return List.of(PHQ9, GAD7);
  }

  /**
   * The Candor instrument the form scores.
   *
   * @return the instrument, which has item scoring
   */
  public Instrument instrument() {
    return instrument;
  }

  /**
   * The item scoring of the instrument.
   *
   * @return the rule (present for every form)
   */
  public ItemScoring scoring() {
    return instrument.itemScoring().orElseThrow();
  }

  /**
   * The LOINC code of the panel (the questionnaire as a whole).
   *
   * @return e.g. {@code 44249-1}
   */
  public String panelCode() {
    return panelCode;
  }

  /**
   * The LOINC code of the total score, used for {@code Observation.code}.
   *
   * @return e.g. {@code 44261-6}
   */
  public String totalCode() {
    return totalCode;
  }

  /**
   * The LOINC codes of the scored items, item 1 first.
   *
   * @return the codes (unmodifiable)
   */
  public List<String> itemCodes() {
    return itemCodes;
  }

  /**
   * The questionnaire canonical URLs (without {@code |version}) registered for this form, in
   * addition to those recognised by the panel code (see {@link #matchesCanonical(String)}).
   *
   * @return the URLs (unmodifiable)
   */
  public Set<String> canonicals() {
    return canonicals;
  }

  /**
   * Local linkIds registered for this form, with the 1-based item they answer.
   *
   * @return the map (unmodifiable)
   */
  public Map<String, Integer> linkIds() {
    return linkIds;
  }

  /**
   * A copy that also recognises this questionnaire canonical URL (a version after {@code |} is
   * ignored when matching).
   *
   * @param canonical the {@code Questionnaire.url} of your questionnaire
   * @return the copy
   * @throws IllegalArgumentException if the URL is blank
   */
  public LoincForm withCanonical(String canonical) {
    FhirPaths.nonBlank("canonical", canonical);
    Set<String> set = new LinkedHashSet<>(canonicals);
    set.add(stripVersion(canonical));
    return new LoincForm(instrument, panelCode, totalCode, itemCodes, unscoredCodes, answerCodes,
        set, linkIds);
  }

  /**
   * A copy in which a {@code QuestionnaireResponse.item.linkId} of your own questionnaire answers
   * a given item.
   *
   * @param linkId the linkId
   * @param item the 1-based item number
   * @return the copy
   * @throws IllegalArgumentException if the linkId is blank, already mapped, or the item is out of
   *     range
   */
  public LoincForm withLinkId(String linkId, int item) {
    FhirPaths.nonBlank("linkId", linkId);
    if (item < 1 || item > itemCodes.size()) {
      throw new IllegalArgumentException(
          instrument.id() + " item must be 1-" + itemCodes.size() + ", was " + item);
    }
    if (linkIds.containsKey(linkId)) {
      throw new IllegalArgumentException(
          "linkId " + linkId + " already answers " + instrument.id() + " item " + linkIds.get(linkId));
    }
    Map<String, Integer> map = new LinkedHashMap<>(linkIds);
    map.put(linkId, item);
    return new LoincForm(instrument, panelCode, totalCode, itemCodes, unscoredCodes, answerCodes,
        canonicals, map);
  }

  /**
   * Whether a {@code QuestionnaireResponse.questionnaire} canonical names this form: a registered
   * canonical, or a URL whose last path segment is the panel code ({@code
   * http://loinc.org/q/44249-1}, {@code Questionnaire/44249-1}), with any {@code |version} ignored.
   *
   * @param canonical the canonical URL
   * @return whether it names this form
   */
  public boolean matchesCanonical(String canonical) {
    String c = stripVersion(Objects.requireNonNull(canonical, "canonical"));
    if (canonicals.contains(c)) {
      return true;
    }
    int slash = c.lastIndexOf('/');
    return c.substring(slash + 1).equals(panelCode);
  }

  /**
   * The 1-based item a LOINC code or linkId stands for: a registered linkId, an item code, or a
   * path ending in one ({@code /44249-1/44250-9}, as LHC-Forms writes linkIds).
   *
   * @param key a LOINC code or linkId
   * @return the item, or empty when the key is not an item of this form
   */
  public OptionalInt item(String key) {
    Objects.requireNonNull(key, "key");
    Integer mapped = linkIds.get(key);
    if (mapped != null) {
      return OptionalInt.of(mapped);
    }
    String last = key.substring(key.lastIndexOf('/') + 1);
    int i = itemCodes.indexOf(last);
    return i >= 0 ? OptionalInt.of(i + 1) : OptionalInt.empty();
  }

  /**
   * Whether the key is a known part of the form that carries no item score: the total ({@link
   * #totalCode()}) or the difficulty question (PHQ-9 69722-7, GAD-7 69726-8).
   *
   * @param key a LOINC code or linkId
   * @return whether the key is the total
   */
  boolean isTotal(String key) {
    return key.substring(key.lastIndexOf('/') + 1).equals(totalCode);
  }

  /**
   * Whether the key is the form's unscored question (the difficulty item).
   *
   * @param key a LOINC code or linkId
   * @return whether it is known and unscored
   */
  boolean isUnscored(String key) {
    return unscoredCodes.contains(key.substring(key.lastIndexOf('/') + 1));
  }

  /**
   * The response a LOINC answer code stands for.
   *
   * @param code an answer code such as {@code LA6570-1}
   * @return the response, or empty for an unknown code
   */
  public OptionalInt answer(String code) {
    Integer v = answerCodes.get(code);
    return v == null ? OptionalInt.empty() : OptionalInt.of(v);
  }

  /**
   * The known answer codes, for messages: {@code LA6568-5 = 0, ...} in response order.
   *
   * @return the list as text
   */
  String answerList() {
    List<Map.Entry<String, Integer>> list = new ArrayList<>(answerCodes.entrySet());
    list.sort(Map.Entry.comparingByValue());
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Integer> e : list) {
      parts.add(e.getKey() + " = " + e.getValue());
    }
    return String.join(", ", parts);
  }

  /**
   * The form with that instrument id among the given ones.
   *
   * @param forms the forms to search
   * @param instrumentId an instrument id
   * @return the form, if any
   */
  static Optional<LoincForm> byInstrument(List<LoincForm> forms, String instrumentId) {
    return forms.stream().filter(f -> f.instrument.id().equals(instrumentId)).findFirst();
  }

  static String stripVersion(String canonical) {
    int bar = canonical.indexOf('|');
    return bar < 0 ? canonical : canonical.substring(0, bar);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LoincForm f
        && instrument.equals(f.instrument)
        && panelCode.equals(f.panelCode)
        && totalCode.equals(f.totalCode)
        && itemCodes.equals(f.itemCodes)
        && unscoredCodes.equals(f.unscoredCodes)
        && answerCodes.equals(f.answerCodes)
        && canonicals.equals(f.canonicals)
        && linkIds.equals(f.linkIds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(instrument.id(), panelCode, totalCode, itemCodes, canonicals, linkIds);
  }

  @Override
  public String toString() {
    return "LoincForm[" + instrument.id() + ", panel " + panelCode + ", total " + totalCode
        + (canonicals.isEmpty() ? "" : ", canonicals " + canonicals)
        + (linkIds.isEmpty() ? "" : ", linkIds " + linkIds) + "]";
  }
}
