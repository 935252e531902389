/**
 * Reliable and clinically significant change: the reliable-change formulas as a strategy enum,
 * the clinical-significance cutoffs a, b and c, individual categories (recovered, improved,
 * unchanged, deteriorated, harmed), NHS Talking Therapies metrics and method comparison.
 */
package io.candor.change;
