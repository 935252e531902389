/**
 * Apache Spark jobs that give Candor's single-machine results on data too large for one machine:
 * distributed simulation bit-identical to {@link io.candor.simulation.Simulator} for any partition
 * count ({@link io.candor.spark.SparkSimulation}), parameter sweeps ({@link
 * io.candor.spark.SparkSweep}), per-client analyses and their cohort summaries ({@link
 * io.candor.spark.SparkAnalyses}), Talking Therapies metrics and growth-model fits from cached
 * per-client statistics ({@link io.candor.spark.SparkGrowth}), each equal to the single-machine
 * result.
 */
package io.candor.spark;
