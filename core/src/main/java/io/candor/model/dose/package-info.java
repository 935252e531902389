/**
 * Dose–effect: probit and logit regression of the proportion improved on log(sessions), fitted by
 * iteratively reweighted least squares, with the sessions at which given shares are expected to
 * have improved.
 */
package io.candor.model.dose;
