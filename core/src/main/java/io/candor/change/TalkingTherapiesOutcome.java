package io.candor.change;

/**
 * One episode's NHS Talking Therapies outcome flags (see {@link TalkingTherapies} for the rules).
 *
 * @param finishedTreatment at least two attended treatment contacts
 * @param caseAtStart at caseness on either measure at the first score
 * @param caseAtEnd at caseness on either measure at the last score
 * @param recovered case at start and not a case on either measure at the end
 * @param reliablyImproved reliable improvement on at least one measure and no reliable deterioration
 *     on the other
 * @param reliablyRecovered recovered and reliably improved
 * @param reliablyDeteriorated reliable deterioration on at least one measure and no reliable
 *     improvement on the other
 */
public record TalkingTherapiesOutcome(
    boolean finishedTreatment,
    boolean caseAtStart,
    boolean caseAtEnd,
    boolean recovered,
    boolean reliablyImproved,
    boolean reliablyRecovered,
    boolean reliablyDeteriorated) {}
