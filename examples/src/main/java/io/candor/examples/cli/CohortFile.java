package io.candor.examples.cli;

/**
 * What {@code candor simulate --out FILE --json} prints once the cohort is written.
 *
 * @param out the file the cohort was written to (long-format CSV)
 * @param clients number of clients
 * @param seed the seed
 * @param arm the arm ({@code treated} or {@code waitlist})
 * @param instrument the instrument's id
 */
public record CohortFile(String out, long clients, long seed, String arm, String instrument) {}
