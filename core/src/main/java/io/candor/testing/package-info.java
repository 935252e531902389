/**
 * Framework-neutral generators of valid Candor values for property-based tests (scores, clients,
 * conditions, realistic trajectories, cohorts), each driven by an explicit random source. Nothing
 * in Candor's main code depends on this package.
 */
package io.candor.testing;
