/**
 * Outcome instruments by their score properties: range, direction, caseness, severity bands,
 * reliability, norms and reliable change, each figure with its citation, plus item-level scoring for
 * the instruments whose items are public. {@link io.candor.measure.Instruments} is the built-in
 * catalog; {@link io.candor.measure.Instrument#builder(String, String)} defines your own.
 */
package io.candor.measure;
