package org.casetrail.command.contact;

/**
 * What a contact does to the booked session it records: a draft only checks the session may be recorded, the
 * signature holds it, a discarded draft releases it. Each runs in the contact's unit of work.
 */
public interface SessionHolder {

    /** Refuses a session of another case, or one no longer booked, for a contact being drafted. */
    void check(String sessionId, String caseId);

    /** Records that the session took place, as the contact being signed shows; refuses as {@link #check} does. */
    void hold(String sessionId, String caseId, String contactId);

    /** Books the session again if the discarded draft held it (as drafts did under the earlier rule). */
    void release(String sessionId, String contactId);
}
