/**
 * Realistic expectations in plain words: a {@link io.candor.expectation.ClientProfile} becomes an
 * {@link io.candor.expectation.ExpectationReport} (probabilities with intervals at session horizons,
 * the expected score curve, risk-item flags, engagement context, sources and certainty), computed
 * from the calibrated simulator conditioned on the profile and updated by the observed scores
 * through an expected-response model; and three renderers of the same report for clients,
 * therapists and services, whose every word comes from a resource bundle.
 */
package io.candor.expectation;
