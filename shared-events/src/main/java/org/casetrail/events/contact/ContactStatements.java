package org.casetrail.events.contact;

import java.util.Set;

/**
 * What a practitioner states so that a heading is complete even when there is nothing else to record under it:
 * why the service user was not seen (heading 1), how the person presented and engaged (heading 4, its own part
 * beside the account of what took place), that no new risks were identified (heading 5), whether a manager's
 * guidance is needed (heading 6, answered yes or no) and why no next session is arranged (heading 7). Each may be
 * null while a draft is being written; a contact falls short of the recording standard where one is needed and
 * missing.
 *
 * @param serviceUserNotSeenReason why the service user did not attend, when they did not
 * @param presentation             how the person presented and engaged
 * @param noNewRisks               true when the practitioner states that no new risks were identified
 * @param guidanceNeeded           whether a manager's guidance is needed: yes or no, null while not answered
 * @param noNextSessionReason      why no next session is arranged (the case is closing, for example)
 */
public record ContactStatements(String serviceUserNotSeenReason, String presentation, Boolean noNewRisks,
                                Boolean guidanceNeeded, String noNextSessionReason) {

    /** The statements one at a time, for changing some and keeping the others. */
    public enum Part {
        SERVICE_USER_NOT_SEEN_REASON,
        PRESENTATION,
        NO_NEW_RISKS,
        GUIDANCE_NEEDED,
        NO_NEXT_SESSION_REASON
    }

    public static ContactStatements none() {
        return new ContactStatements(null, null, null, null, null);
    }

    /** These statements with {@code parts} taken from {@code given} and every other part kept. */
    public ContactStatements with(ContactStatements given, Set<Part> parts) {
        return new ContactStatements(
                parts.contains(Part.SERVICE_USER_NOT_SEEN_REASON) ? given.serviceUserNotSeenReason
                        : serviceUserNotSeenReason,
                parts.contains(Part.PRESENTATION) ? given.presentation : presentation,
                parts.contains(Part.NO_NEW_RISKS) ? given.noNewRisks : noNewRisks,
                parts.contains(Part.GUIDANCE_NEEDED) ? given.guidanceNeeded : guidanceNeeded,
                parts.contains(Part.NO_NEXT_SESSION_REASON) ? given.noNextSessionReason : noNextSessionReason);
    }

    /** Whether nothing is stated. */
    public boolean isEmpty() {
        return equals(none());
    }
}
