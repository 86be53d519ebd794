package org.casetrail.events.guidance;

/**
 * A practitioner asked a manager for guidance from a contact (heading 6).
 *
 * @param requestId the new request's id
 * @param caseId the case
 * @param contactId the contact it arose in
 * @param question what guidance is needed
 * @param urgency how soon
 * @param reasonAfterSigning why it was added to a contact already signed; null when it was raised while the
 *                           contact was a draft (older events never carry one)
 */
public record GuidanceRequestedEvent(String requestId, String caseId, String contactId, String question,
                                     Urgency urgency,
        String reasonAfterSigning) {
}
