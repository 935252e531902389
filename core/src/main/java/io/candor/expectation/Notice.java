package io.candor.expectation;

/**
 * Something a reader of a report needs to know about how far its numbers reach; each renderer
 * words it in the reader's language (the keys {@code notice.NAME} of the resource bundle).
 */
public enum Notice {
  /** The intake is below the caseness cutoff, so recovery is not reported. */
  NOT_AT_CASENESS,
  /**
   * The instrument is not PHQ-9: the scenario maps the PHQ-9 calibration onto its range, an
   * assumption that was not checked against figures for this instrument.
   */
  NOT_CALIBRATED,
  /** A scenario other than the calibrated default was used. */
  CUSTOM_SCENARIO,
  /** The expected-response model was used outside the intakes or sessions it was fitted on. */
  MODEL_EXTRAPOLATES,
  /**
   * The client's observed course lies outside what 98 % of comparable simulated clients showed; the
   * update leans on a straight-line adjustment there.
   */
  UNUSUAL_COURSE,
  /** Horizons at or before the last observed session were left out: those scores are known. */
  HORIZONS_PASSED,
  /** Item responses were given without a session: they were used for the risk items only. */
  ITEMS_NOT_TIED,
  /** The instrument has risk items, but no item responses were given: the risk items were not seen. */
  RISK_ITEMS_NOT_SEEN,
  /**
   * A curve of the profile's latent trajectory classes leaves the instrument's range by the last
   * planned session: the classes may be on another scale, or fitted over fewer sessions.
   */
  CLASSES_OFF_SCALE
}
