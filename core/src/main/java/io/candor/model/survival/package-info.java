/**
 * Time to event: Kaplan–Meier curves with Greenwood standard errors and R-compatible confidence
 * intervals and medians, strata and the log-rank test.
 */
package io.candor.model.survival;
