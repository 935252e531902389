/**
 * A calibrated Monte-Carlo simulator of therapy trajectories: case mix, non-linear courses,
 * readiness, sudden gains, deterioration and dropout, reproducible bit for bit from a seed
 * whatever the thread count.
 */
package io.candor.simulation;
