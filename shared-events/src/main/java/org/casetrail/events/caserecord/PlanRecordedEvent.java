package org.casetrail.events.caserecord;

import java.time.LocalDate;

/**
 * An assessment, care plan or intervention plan was recorded on a case. Contacts link their purpose to it.
 *
 * @param caseId  the case
 * @param planId  the new plan's id
 * @param kind    assessment, care plan or intervention plan
 * @param title   a short title
 * @param date    the date the document bears
 * @param summary what it says, in brief; may be null
 * @param visitFrequency how often the plan says the person is to be visited, in the words of the visit standards
 *                       ("1 week", "10 working days", "1 month"); null when the plan names none, and then the
 *                       plan type's standard applies (and in events from before it was asked)
 */
public record PlanRecordedEvent(String caseId, String planId, PlanKind kind, String title, LocalDate date,
                                String summary, String visitFrequency) {
}
