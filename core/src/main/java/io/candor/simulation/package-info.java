/**
 * A calibrated Monte-Carlo simulator of therapy trajectories: case mix, non-linear courses,
 * readiness, sudden gains, deterioration and dropout, reproducible bit for bit from a seed
 * whatever the thread count.
 *
 * <p>Entry points: {@link io.candor.simulation.Scenario#calibratedDefault} (every default's source
 * in {@link io.candor.simulation.ScenarioDefaults#sources()}), {@link
 * io.candor.simulation.Simulator} ({@code summarise} for streaming summaries, {@code
 * forEachOrdered}/{@code simulate}/{@code cohort} for clients), {@link
 * io.candor.simulation.Calibration} for the check against published figures. Scenario files are
 * Candor JSON documents of type {@code Scenario} (read with {@code io.candor.json.CandorJson}, laid
 * over the calibrated default). The seed is always explicit: each client
 * draws from its own stream derived from (seed, client index).
 */
package io.candor.simulation;
