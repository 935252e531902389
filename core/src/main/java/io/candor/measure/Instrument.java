package io.candor.measure;

import io.candor.domain.ScoreScale;
import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An outcome measure described by its score properties: range, direction, caseness cutoff,
 * severity bands, reliability, clinical and functional norms, reliable-change threshold and licence.
 * Every number is {@link Sourced}: it carries its citation and how sure Candor is of it.
 *
 * <p>Proprietary instruments (OQ-45, BDI-II) appear by these properties only; Candor holds no item
 * text for any instrument.
 *
 * <p>Caseness: for a {@link Direction#HIGHER_IS_WORSE} scale a score at or above the cutoff is in
 * the clinical range; for a {@link Direction#HIGHER_IS_BETTER} scale a score below the cutoff is.
 *
 * <p>Build your own with {@link #builder(String, String)}; the built-in ones are in
 * {@link Instruments}. Immutable and thread-safe.
 */
public final class Instrument implements ScoreScale {

  private final String id;
  private final String name;
  private final double minScore;
  private final double maxScore;
  private final double resolution;
  private final Direction direction;
  private final Optional<Sourced> casenessCutoff;
  private final List<SeverityBand> bands;
  private final Optional<Sourced> bandsSource;
  private final Sourced reliability;
  private final Optional<Norms> clinicalNorms;
  private final Optional<Norms> functionalNorms;
  private final Optional<Sourced> reliableChange;
  private final String licence;
  private final Optional<ItemScoring> itemScoring;

  private Instrument(Builder b) {
    this.id = Checks.nonBlank("id", b.id);
    this.name = Checks.nonBlank("name", b.name);
    this.minScore = Checks.finite("minScore", b.minScore);
    this.maxScore = Checks.finite("maxScore", b.maxScore);
    if (!(maxScore > minScore)) {
      throw new IllegalArgumentException(
          id + ": maxScore must be above minScore " + Checks.fmt(minScore) + ", was " + Checks.fmt(maxScore));
    }
    this.resolution = Checks.positive("resolution", b.resolution);
    this.direction = Objects.requireNonNull(b.direction, "direction");
    this.casenessCutoff = Optional.ofNullable(b.casenessCutoff);
    casenessCutoff.ifPresent(c -> checkScore("caseness cutoff", c.value()));
    this.bands = List.copyOf(b.bands);
    checkBands();
    this.bandsSource = Optional.ofNullable(b.bandsSource);
    if (!bands.isEmpty() && bandsSource.isEmpty()) {
      throw new IllegalArgumentException(id + ": severity bands need a source (bandsSource)");
    }
    this.reliability = Objects.requireNonNull(b.reliability, id + ": reliability is required");
    Checks.openUnit("reliability", reliability.value());
    this.clinicalNorms = Optional.ofNullable(b.clinicalNorms);
    this.functionalNorms = Optional.ofNullable(b.functionalNorms);
    this.reliableChange = Optional.ofNullable(b.reliableChange);
    reliableChange.ifPresent(
        r -> Checks.inRange(id + " reliable change", r.value(), Double.MIN_VALUE, maxScore - minScore));
    this.licence = Checks.nonBlank("licence", b.licence);
    this.itemScoring = Optional.ofNullable(b.itemScoring);
    itemScoring.ifPresent(
        s -> {
          if (s.minTotal() != minScore || s.maxTotal() != maxScore) {
            throw new IllegalArgumentException(
                id + ": item scoring gives " + s.minTotal() + "-" + s.maxTotal()
                    + " but the score range is " + Checks.fmt(minScore) + "-" + Checks.fmt(maxScore));
          }
        });
  }

  private void checkBands() {
    for (int i = 0; i < bands.size(); i++) {
      SeverityBand band = bands.get(i);
      checkScore("band " + band.label() + " lower bound", band.lower());
      checkScore("band " + band.label() + " upper bound", band.upper());
      if (i > 0 && band.lower() <= bands.get(i - 1).upper()) {
        throw new IllegalArgumentException(
            id + ": severity bands must be in ascending order without overlap; " + band
                + " overlaps " + bands.get(i - 1));
      }
    }
  }

  /**
   * Starts a builder for a user-defined instrument.
   *
   * @param id the short identifier, e.g. {@code "MY-SCALE"}
   * @param name the full name
   * @return the builder
   */
  public static Builder builder(String id, String name) {
    return new Builder(id, name);
  }

  @Override
  public String id() {
    return id;
  }

  /**
   * Full name.
   *
   * @return the full name
   */
  public String name() {
    return name;
  }

  @Override
  public double minScore() {
    return minScore;
  }

  @Override
  public double maxScore() {
    return maxScore;
  }

  /**
   * Smallest step between possible scores (1 for integer totals, 0.1 for ORS).
   *
   * @return the smallest step between possible scores (1 for integer totals, 0.1 for ORS)
   */
  public double resolution() {
    return resolution;
  }

  /**
   * Checks a score as it was recorded: inside the range and on the instrument's resolution grid,
   * a whole number of {@link #resolution()} steps above {@link #minScore()} (to within 1e-6 of a
   * step, so that 23.2 passes on the ORS's 0.1 grid although no double holds 23.2 exactly).
   *
   * <p>{@link #checkScore(String, double)} checks the range only: computed values such as means
   * and prorated totals (see {@link ItemScoring}) lie between grid points. A data file holds
   * recorded totals, so the long-format reader checks them with this method; round prorated totals
   * as your service's rule says before storing them.
   *
   * @param field names the value in the message (e.g. {@code "score"})
   * @param score the recorded score
   * @return the score
   * @throws IllegalArgumentException if the score is not finite, outside the range or between
   *     grid points; the message names the field, the value, the range and the resolution
   */
  public double checkRecordedScore(String field, double score) {
    checkScore(field, score);
    double steps = (score - minScore) / resolution;
    if (Math.abs(steps - Math.rint(steps)) > 1e-6) {
      throw new IllegalArgumentException(
          id + " " + field + " must be "
              + (resolution == 1 && minScore == Math.rint(minScore)
                  ? "a whole number"
                  : "a multiple of " + Checks.fmt(resolution)
                      + (minScore == 0 ? "" : " above " + Checks.fmt(minScore)))
              + " (the instrument's resolution) between " + Checks.fmt(minScore) + " and "
              + Checks.fmt(maxScore) + ", was " + Checks.fmt(score));
    }
    return score;
  }

  /**
   * Which way is better.
   *
   * @return which way is better
   */
  public Direction direction() {
    return direction;
  }

  /**
   * The caseness cutoff, when the instrument has one.
   *
   * @return the caseness cutoff, when the instrument has one
   */
  public Optional<Sourced> casenessCutoff() {
    return casenessCutoff;
  }

  /**
   * Severity bands in ascending score order (possibly empty).
   *
   * @return the bands, possibly none
   */
  public List<SeverityBand> bands() {
    return bands;
  }

  /**
   * Where the severity bands come from (present whenever there are bands).
   *
   * @return where the severity bands come from (present whenever there are bands)
   */
  public Optional<Sourced> bandsSource() {
    return bandsSource;
  }

  /**
   * Reliability used for reliable change (test–retest where known; see its note).
   *
   * @return the reliability
   */
  public Sourced reliability() {
    return reliability;
  }

  /**
   * Mean and SD of a clinical (treatment-seeking) sample, when published.
   *
   * @return the mean and SD of a clinical (treatment-seeking) sample, when published
   */
  public Optional<Norms> clinicalNorms() {
    return clinicalNorms;
  }

  /**
   * Mean and SD of a functional (non-clinical) sample, when published.
   *
   * @return the mean and SD of a functional (non-clinical) sample, when published
   */
  public Optional<Norms> functionalNorms() {
    return functionalNorms;
  }

  /**
   * The published reliable-change threshold in points, when there is one.
   *
   * @return the published reliable-change threshold in points, when there is one
   */
  public Optional<Sourced> reliableChange() {
    return reliableChange;
  }

  /**
   * Licence and use note (e.g. "public domain", "proprietary: score properties only").
   *
   * @return the licence and use note
   */
  public String licence() {
    return licence;
  }

  /**
   * Item-level scoring, for instruments whose items are public.
   *
   * @return the item scoring, if the items are public
   */
  public Optional<ItemScoring> itemScoring() {
    return itemScoring;
  }

  /**
   * Whether the score is in the clinical range, by {@link Direction#isCase(double, double)} with
   * this instrument's caseness cutoff.
   *
   * @param score the score
   * @return whether it is a case
   * @throws IllegalArgumentException if the score is outside the range
   * @throws IllegalStateException if the instrument has no caseness cutoff (see {@link
   *     #casenessCutoff()})
   */
  public boolean isCase(double score) {
    checkScore("score", score);
    if (casenessCutoff.isEmpty()) {
      throw new IllegalStateException(id + " has no caseness cutoff");
    }
    return direction.isCase(score, casenessCutoff.get().value());
  }

  /**
   * The severity band holding the score, if bands are defined and one holds it.
   *
   * @param score the score
   * @return the severity band holding the score, if bands are defined and one holds it
   */
  public Optional<SeverityBand> band(double score) {
    checkScore("score", score);
    return bands.stream().filter(b -> b.contains(score)).findFirst();
  }

  /**
   * Change from {@code pre} to {@code post} signed so that a positive value is an improvement,
   * whatever the direction.
   *
   * @param pre the earlier score
   * @param post the later score
   * @return the improvement, negative for a worsening
   */
  public double improvement(double pre, double post) {
    checkScore("pre score", pre);
    checkScore("post score", post);
    return direction.improvement(pre, post);
  }

  /**
   * A builder pre-filled with this instrument's properties, to derive a variant.
   *
   * @return a builder pre-filled with this instrument's properties, to derive a variant
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, name);
    b.minScore = minScore;
    b.maxScore = maxScore;
    b.resolution = resolution;
    b.direction = direction;
    b.casenessCutoff = casenessCutoff.orElse(null);
    b.bands.addAll(bands);
    b.bandsSource = bandsSource.orElse(null);
    b.reliability = reliability;
    b.clinicalNorms = clinicalNorms.orElse(null);
    b.functionalNorms = functionalNorms.orElse(null);
    b.reliableChange = reliableChange.orElse(null);
    b.licence = licence;
    b.itemScoring = itemScoring.orElse(null);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Instrument other)) {
      return false;
    }
    return id.equals(other.id)
        && name.equals(other.name)
        && minScore == other.minScore
        && maxScore == other.maxScore
        && resolution == other.resolution
        && direction == other.direction
        && casenessCutoff.equals(other.casenessCutoff)
        && bands.equals(other.bands)
        && bandsSource.equals(other.bandsSource)
        && reliability.equals(other.reliability)
        && clinicalNorms.equals(other.clinicalNorms)
        && functionalNorms.equals(other.functionalNorms)
        && reliableChange.equals(other.reliableChange)
        && licence.equals(other.licence)
        && itemScoring.equals(other.itemScoring);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, minScore, maxScore, direction, reliability);
  }

  @Override
  public String toString() {
    return id + " (" + name + ", " + Checks.fmt(minScore) + "-" + Checks.fmt(maxScore) + ")";
  }

  /**
   * Builds a user-defined {@link Instrument}. Required: range, direction, reliability and licence;
   * everything else is optional. {@link #build()} validates the whole description.
   */
  public static final class Builder {
    private final String id;
    private final String name;
    private double minScore = Double.NaN;
    private double maxScore = Double.NaN;
    private double resolution = 1;
    private Direction direction;
    private Sourced casenessCutoff;
    private final List<SeverityBand> bands = new ArrayList<>();
    private Sourced bandsSource;
    private Sourced reliability;
    private Norms clinicalNorms;
    private Norms functionalNorms;
    private Sourced reliableChange;
    private String licence;
    private ItemScoring itemScoring;

    private Builder(String id, String name) {
      this.id = id;
      this.name = name;
    }

    /**
     * Score range (inclusive).
     *
     * @param min the lowest possible score
     * @param max the highest possible score
     * @return this builder
     */
    public Builder range(double min, double max) {
      this.minScore = min;
      this.maxScore = max;
      return this;
    }

    /**
     * Smallest step between scores (default 1).
     *
     * @param step the resolution, > 0
     * @return the smallest step between scores (default 1)
     */
    public Builder resolution(double step) {
      this.resolution = step;
      return this;
    }

    /**
     * Which way is better.
     *
     * @param d the direction
     * @return which way is better
     */
    public Builder direction(Direction d) {
      this.direction = d;
      return this;
    }

    /**
     * Caseness cutoff (see {@link Instrument#isCase(double)} for its meaning).
     *
     * @param cutoff the cutoff score and its source
     * @return this builder
     */
    public Builder casenessCutoff(Sourced cutoff) {
      this.casenessCutoff = cutoff;
      return this;
    }

    /**
     * Severity bands in ascending order, and where they come from.
     *
     * @param source where the band boundaries come from
     * @param ascending the bands, in ascending order of score and without overlap
     * @return this builder
     */
    public Builder bands(Sourced source, SeverityBand... ascending) {
      this.bandsSource = source;
      this.bands.clear();
      this.bands.addAll(List.of(ascending));
      return this;
    }

    /**
     * Reliability in (0, 1).
     *
     * @param r the reliability and its source, in (0, 1)
     * @return this builder
     */
    public Builder reliability(Sourced r) {
      this.reliability = r;
      return this;
    }

    /**
     * Clinical-sample norms.
     *
     * @param n the clinical norms
     * @return this builder
     */
    public Builder clinicalNorms(Norms n) {
      this.clinicalNorms = n;
      return this;
    }

    /**
     * Functional-sample norms.
     *
     * @param n the functional norms
     * @return this builder
     */
    public Builder functionalNorms(Norms n) {
      this.functionalNorms = n;
      return this;
    }

    /**
     * Published reliable-change threshold in points.
     *
     * @param points the threshold and its source
     * @return this builder
     */
    public Builder reliableChange(Sourced points) {
      this.reliableChange = points;
      return this;
    }

    /**
     * Licence and use note.
     *
     * @param note the licence and use note
     * @return this builder
     */
    public Builder licence(String note) {
      this.licence = note;
      return this;
    }

    /**
     * Item-level scoring rule.
     *
     * @param scoring the item scoring
     * @return this builder
     */
    public Builder itemScoring(ItemScoring scoring) {
      this.itemScoring = scoring;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the instrument
     * @throws IllegalArgumentException naming the first property that is wrong or missing
     */
    public Instrument build() {
      if (Double.isNaN(minScore) || Double.isNaN(maxScore)) {
        throw new IllegalArgumentException(id + ": range(min, max) is required");
      }
      if (direction == null) {
        throw new IllegalArgumentException(id + ": direction is required");
      }
      if (reliability == null) {
        throw new IllegalArgumentException(id + ": reliability is required");
      }
      if (licence == null) {
        throw new IllegalArgumentException(id + ": licence is required");
      }
      return new Instrument(this);
    }
  }
}
