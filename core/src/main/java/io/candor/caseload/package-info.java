/**
 * The therapist's side: many clients, one therapist or service. A caseload as a flow (referrals,
 * waiting list, weekly sessions, discharges, each client following the calibrated simulator), the
 * expected outcome mix of a real caseload with its exact count distribution, and a therapist's own
 * wellbeing scores over time beside their load.
 *
 * <p>Everything here is support and realistic expectation, never an evaluation of a person: text
 * reports scores and bands with each instrument's own caveats, and published associations
 * between load and burnout as context only.
 */
package io.candor.caseload;
