package io.candor.charts;

import io.candor.caseload.CaseloadOutlook;
import io.candor.caseload.OutcomeCount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
