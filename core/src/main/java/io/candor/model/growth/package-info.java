/**
 * Growth-curve models: linear mixed-effects models of scores over sessions (random intercept, or
 * intercept and slope), fitted by REML or ML in time linear in the number of clients, and the
 * asymptotic non-linear population curve for the question "where does improvement level off?".
 */
package io.candor.model.growth;
