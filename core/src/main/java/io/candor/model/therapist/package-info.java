/**
 * Comparing therapists fairly, as support and never as a league table: therapist effects on
 * end-of-treatment scores (intraclass correlation with its interval, shrunken therapist effects
 * with their uncertainty, and how uncertain any ranking is), and case-mix-adjusted funnel plots of
 * recovery, reliable improvement or reliable deterioration with control limits and optional
 * over-dispersion adjustment. A therapist outside a limit is worth a closer look at case mix and
 * data; nothing here rates a person.
 */
package io.candor.model.therapist;
