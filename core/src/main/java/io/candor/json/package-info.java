/**
 * A Jackson 3 module for Candor's public values and results. The wire format carries a format
 * version, is documented in {@link io.candor.json.CandorJson}, and round-trips exactly. Nothing in
 * Candor depends on this package.
 */
package io.candor.json;
