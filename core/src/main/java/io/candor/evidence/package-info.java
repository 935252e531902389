/**
 * Citations and the published figures behind every default number in Candor.
 *
 * <p>A {@link io.candor.evidence.Sourced} value carries a number, the
 * {@link io.candor.evidence.Citation} it comes from and a {@link io.candor.evidence.Certainty}
 * that says how well it was checked. {@link io.candor.evidence.Citations} is the bibliography.
 */
package io.candor.evidence;
