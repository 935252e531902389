package io.candor.model.mixture;

import io.candor.model.growth.RandomPart;
import java.util.Optional;

/**
 * How clients of one class may differ from the class curve.
 *
 * <p>{@link #NONE} is latent class growth analysis (LCGA; Nagin 1999): everyone in a class
 * follows the class curve up to independent residual noise. The two others are growth mixture
 * models (GMM; Muthén &amp; Shedden 1999): within a class, clients also have their own intercept
 * (and slope on the first time term), normally distributed around the class's.
 */
public enum WithinClass {
  /** LCGA: no within-class random effects. */
  NONE(null),
  /** GMM with a random intercept within each class. */
  RANDOM_INTERCEPT(RandomPart.INTERCEPT),
  /** GMM with a random intercept and slope (unstructured 2 × 2 covariance) within each class. */
  RANDOM_INTERCEPT_SLOPE(RandomPart.INTERCEPT_SLOPE);

  private final RandomPart random;

  WithinClass(RandomPart random) {
    this.random = random;
  }

  /** {@return the growth package's random part this corresponds to; empty for LCGA} */
  public Optional<RandomPart> randomPart() {
    return Optional.ofNullable(random);
  }

  /** {@return the number of random effects per client (0, 1 or 2)} */
  public int randomEffects() {
    return random == null ? 0 : random.size();
  }

  /** {@return the number of covariance parameters per covariance matrix (0, 1 or 3)} */
  public int covarianceParameters() {
    return random == null ? 0 : random.parameters();
  }
}
