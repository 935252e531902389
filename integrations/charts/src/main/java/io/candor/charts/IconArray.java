package io.candor.charts;

import io.candor.caseload.CaseloadOutlook;
import io.candor.caseload.OutcomeCount;
import io.candor.expectation.ExpectationReport;
import io.candor.expectation.ExpectedCount;
import io.candor.expectation.Outcome;
import io.candor.expectation.ServiceSummary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an icon array shows: 100 icons, each in exactly one category, filled in reading order
 * (left to right, top to bottom, ten to a row) category by category in the order given. So the
 * picture of the same counts is always the same, and icons of one category sit together, which
 * is how icon arrays communicate risks best (Galesic, Garcia-Retamero &amp; Gigerenzer 2009).
 *
 * <p>Immutable and thread-safe.
 *
 * @param categories one to six categories (six distinct markers keep it readable without colour)
 *     with distinct labels, whose counts add up to 100
 */
public record IconArray(List<IconCategory> categories) {

  /** Icons in an array. */
  public static final int ICONS = 100;

  /** Most categories an array can show. */
  public static final int MAX_CATEGORIES = 6;

  /**
   * Validates the categories and copies the list.
   *
   * @param categories see the record description
   * @throws IllegalArgumentException if there are no or more than six categories, a label is
   *     repeated, or the counts do not add up to 100
   */
  public IconArray {
    categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
    if (categories.isEmpty() || categories.size() > MAX_CATEGORIES) {
      throw new IllegalArgumentException("an icon array has 1 to " + MAX_CATEGORIES
          + " categories, was given " + categories.size());
    }
    Set<String> labels = new HashSet<>();
    int total = 0;
    for (IconCategory c : categories) {
      if (!labels.add(c.label())) {
        throw new IllegalArgumentException("category labels must differ; \"" + c.label()
            + "\" appears twice");
      }
      total += c.count();
    }
    if (total != ICONS) {
      throw new IllegalArgumentException("the counts of an icon array must add up to 100, they"
          + " add up to " + total);
    }
  }

  /**
   * An array of the given categories.
   *
   * @param categories the categories, counts adding up to 100
   * @return the array
   * @throws IllegalArgumentException as the constructor
   */
  public static IconArray of(IconCategory... categories) {
    return new IconArray(List.of(categories));
  }

  /**
   * An array from shares that add up to 1, rounded to whole icons by the largest-remainder method
   * (Hamilton's): each category gets the whole part of 100 × its share, and the icons left over go
   * to the largest remainders, ties to the category listed first. The counts then add up to 100
   * exactly; a share below 0.5 % may get no icon, and its count says so (0 of 100).
   *
   * @param labels the categories' labels
   * @param shares their shares, each from 0 to 1, adding up to 1 (within 1e-6)
   * @return the array
   * @throws IllegalArgumentException if the lists differ in length, a share is not in [0, 1], the
   *     shares do not add up to 1, or as the constructor
   */
  public static IconArray fromShares(List<String> labels, List<Double> shares) {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(shares, "shares");
    if (labels.size() != shares.size()) {
      throw new IllegalArgumentException("labels and shares must have the same length, were "
          + labels.size() + " and " + shares.size());
    }
    double sum = 0;
    for (int i = 0; i < shares.size(); i++) {
      Args.inRange("share of " + labels.get(i), Objects.requireNonNull(shares.get(i), "share"), 0,
          1);
      sum += shares.get(i);
    }
    if (Math.abs(sum - 1) > 1e-6) {
      throw new IllegalArgumentException("the shares must add up to 1, they add up to " + sum);
    }
    int n = shares.size();
    int[] counts = new int[n];
    double[] remainder = new double[n];
    int given = 0;
    for (int i = 0; i < n; i++) {
      double exact = ICONS * shares.get(i);
      counts[i] = (int) Math.floor(exact + 1e-9);
      remainder[i] = exact - counts[i];
      given += counts[i];
    }
    for (int left = ICONS - given; left > 0; left--) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (best < 0 || remainder[i] > remainder[best]) {
          best = i;
        }
      }
      counts[best]++;
      remainder[best] = Double.NEGATIVE_INFINITY;
    }
    List<IconCategory> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(new IconCategory(labels.get(i), counts[i]));
    }
    return new IconArray(list);
  }

  /**
   * The expected outcome mix of a caseload as 100 icons: the four outcomes that exclude each other
   * (reliable improvement, recovery included; no reliable change; reliable deterioration;
   * dropout), each client's probabilities summed and scaled to 100 by {@link #fromShares}.
   *
   * @param outlook the caseload's outlook
   * @return the array, categories in that order
   */
  public static IconArray fromOutlook(CaseloadOutlook outlook) {
    Objects.requireNonNull(outlook, "outlook");
    List<String> labels = new ArrayList<>();
    List<Double> shares = new ArrayList<>();
    double total = 0;
    for (OutcomeCount c : outlook.outcomes()) {
      if (c.outcome().partitions()) {
        total += c.expected();
      }
    }
    for (OutcomeCount c : outlook.outcomes()) {
      if (c.outcome().partitions()) {
        labels.add(switch (c.outcome()) {
          case RELIABLE_IMPROVEMENT -> "improve reliably (recovery included)";
          case NO_RELIABLE_CHANGE -> "do not change reliably";
          case RELIABLE_DETERIORATION -> "get reliably worse";
          case DROPOUT -> "stop attending";
          case RECOVERY -> throw new AssertionError("recovery is part of reliable improvement");
        });
        shares.add(c.expected() / total);
      }
    }
    return fromShares(labels, shares);
  }

  /**
   * The icon array behind one natural-frequency statement of an expectation report ({@link
   * ExpectationReport#iconArrays()}), its outcomes in the report's fill order with the report's
   * counts, labelled in technical words ("improve reliably", "do not change reliably", "get
   * reliably worse", "stop attending"; "recover", "do not recover (stopped attending included)").
   * For the client text's words, pass {@code ClientRenderer.iconLabels()} to {@link
   * #fromReport(io.candor.expectation.IconArray, Map)}.
   *
   * @param statement one of the report's icon arrays
   * @return the array, one category per outcome of the statement's legend
   */
  public static IconArray fromReport(io.candor.expectation.IconArray statement) {
    Map<Outcome, String> labels = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      labels.put(o, words(o));
    }
    return fromReport(statement, labels);
  }

  /**
   * The expected outcome mix of a caseload's expectation reports ({@code
   * ServiceRenderer.summarise}) as 100 icons: the expected number of clients with each of the
   * {@link Outcome#EXCLUSIVE} outcomes at the summary's session, scaled to 100 by {@link
   * #fromShares} and labelled as {@link #fromReport(io.candor.expectation.IconArray)} labels them.
   *
   * @param summary the caseload's summary
   * @return the array, categories in the order of {@link Outcome#EXCLUSIVE}
   */
  public static IconArray fromSummary(ServiceSummary summary) {
    Objects.requireNonNull(summary, "summary");
    List<String> labels = new ArrayList<>();
    List<Double> shares = new ArrayList<>();
    for (ExpectedCount c : summary.outcomes()) {
      labels.add(words(c.outcome()));
      shares.add(c.expected() / c.of());
    }
    return fromShares(labels, shares);
  }

  /** Technical words for an outcome of a report, as a key of the array. */
  private static String words(Outcome o) {
    return switch (o) {
      case RELIABLE_IMPROVEMENT -> "improve reliably";
      case NO_RELIABLE_CHANGE -> "do not change reliably";
      case RELIABLE_DETERIORATION -> "get reliably worse";
      case DROPOUT -> "stop attending";
      case RECOVERY -> "recover";
      case NO_RECOVERY -> "do not recover (stopped attending included)";
      case STABLE_OR_BETTER -> "stay the same or improve";
    };
  }

  /**
   * The icon array behind one natural-frequency statement of an expectation report, labelled
   * with the given words (for example {@code ClientRenderer.withDefaults().iconLabels()}, the
   * client text's own).
   *
   * @param statement one of the report's icon arrays
   * @param labels the words for each outcome of the statement's legend, distinct and not blank
   * @return the array, one category per outcome of the statement's legend, with its count
   * @throws IllegalArgumentException if an outcome of the legend has no label, or as the
   *     constructor (more than six outcomes, repeated labels)
   */
  public static IconArray fromReport(io.candor.expectation.IconArray statement,
      Map<Outcome, String> labels) {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(labels, "labels");
    List<IconCategory> list = new ArrayList<>(statement.legend().size());
    for (int i = 0; i < statement.legend().size(); i++) {
      Outcome o = statement.legend().get(i);
      String label = labels.get(o);
      if (label == null) {
        throw new IllegalArgumentException("labels has no words for " + o + "; the statement"
            + " shows " + statement.legend());
      }
      list.add(new IconCategory(label, statement.counts().get(i)));
    }
    return new IconArray(list);
  }

  /**
   * The category of an icon: icons are filled in reading order, category by category.
   *
   * @param icon 0 (top left) to 99 (bottom right)
   * @return the index of its category in {@link #categories()}
   * @throws IllegalArgumentException if the icon is not 0–99
   */
  public int categoryOf(int icon) {
    Args.inRange("icon", icon, 0, ICONS - 1);
    int end = 0;
    for (int c = 0; c < categories.size(); c++) {
      end += categories.get(c).count();
      if (icon < end) {
        return c;
      }
    }
    throw new AssertionError("counts add up to 100");
  }
}
