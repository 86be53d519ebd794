package org.casetrail.events.action;

import java.time.LocalDate;

/**
 * An action was agreed in a contact (heading 6).
 *
 * @param actionId the new action's id
 * @param caseId the case
 * @param contactId the contact it was agreed in
 * @param description what must happen
 * @param assignee who does it (a user name or a named person)
 * @param dueDate by when
 * @param term short- or long-term change
 * @param reasonAfterSigning why it was added to a contact already signed; null when it was raised while the
 *                           contact was a draft (older events never carry one)
 * @param expectedOutcome the outcome the action is to be measured by; may be null (and is, in events from before
 *                        it was asked)
 */
public record ActionAssignedEvent(String actionId, String caseId, String contactId, String description,
                                  String assignee, LocalDate dueDate, ActionTerm term,
        String reasonAfterSigning, String expectedOutcome) {
}
