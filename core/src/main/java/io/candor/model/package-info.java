/**
 * Types shared by Candor's statistical models: convergence diagnostics and fitted-term summaries.
 * The models themselves live in the sub-packages (growth, survival, dose).
 */
package io.candor.model;
