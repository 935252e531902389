/**
 * Latent trajectory classes: which shapes of change there are in a set of clients, and which
 * ones a new client's first sessions leave likely. Latent class growth analysis and growth
 * mixture models on the growth package's time bases, fitted by EM with many random starts
 * ({@link io.candor.model.mixture.MixtureModel}); class enumeration with information criteria
 * and a bootstrap likelihood-ratio test ({@link io.candor.model.mixture.ClassEnumeration}); and
 * posterior class probabilities and mixture forecasts for a new client
 * ({@link io.candor.model.mixture.TrajectoryClasses}).
 */
package io.candor.model.mixture;
