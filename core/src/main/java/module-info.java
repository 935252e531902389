/**
 * Candor: realistic expectations about psychotherapy outcomes.
 *
 * <p>Exports the API packages; {@code io.candor.internal} stays private. Commons Math 3.6.1 has no
 * module descriptor and no Automatic-Module-Name, so it is an automatic module named from its jar
 * ({@code commons.math3}); that one warning is suppressed here and nowhere else.
 *
 * <p>Modules read transitively: Commons RNG's client API (the {@code UniformRandomProvider} every
 * random procedure takes) and its {@code RandomSource} (commons-rng-simple), so that code using
 * Candor's generators or simulator can create a seeded provider with nothing but this module;
 * Jackson's core and databind (the {@code CandorModule} and {@code CandorJson} signatures).
 */
@SuppressWarnings("requires-automatic")
module io.candor.core {
  requires commons.math3;
  requires transitive org.apache.commons.rng.api;
  requires transitive org.apache.commons.rng.simple;
  requires org.apache.commons.rng.core;
  requires org.apache.commons.rng.sampling;
  requires org.apache.commons.statistics.distribution;
  requires org.apache.commons.statistics.interval;
  requires transitive tools.jackson.core;
  requires transitive tools.jackson.databind;

  exports io.candor.evidence;
  exports io.candor.domain;
  exports io.candor.measure;
  exports io.candor.change;

  exports io.candor.model;
  exports io.candor.model.growth;
  exports io.candor.model.mixture;

  exports io.candor.model.survival;

  exports io.candor.model.dose;

  exports io.candor.model.therapist;

  exports io.candor.progress;

  exports io.candor.simulation;

  exports io.candor.caseload;

  exports io.candor.expectation;

  exports io.candor.json;

  exports io.candor.testing;

}
