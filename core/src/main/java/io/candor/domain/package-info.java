/**
 * The domain: clients, their conditions and the course those take, readiness to change (with URICA
 * scoring), and observations collected into trajectories and cohorts.
 *
 * <p>Every type is an immutable, validated value. Scores are checked against a
 * {@link io.candor.domain.ScoreScale}, which instruments in {@code io.candor.measure} implement.
 */
package io.candor.domain;
