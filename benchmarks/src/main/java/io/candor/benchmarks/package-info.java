/** JMH benchmarks for Candor. Run with {@code java -jar benchmarks/target/benchmarks.jar}. */
package io.candor.benchmarks;
