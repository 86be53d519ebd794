package org.casetrail.command.contact;

/** Marks a booked session as held when a contact is drafted for it. */
public interface SessionHolder {

    /**
     * Records that the session took place, as the contact being drafted shows. Refuses a session of another case
     * or one no longer booked.
     */
    void hold(String sessionId, String caseId, String contactId);
}
