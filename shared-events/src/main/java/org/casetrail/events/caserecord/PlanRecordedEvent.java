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
 */
public record PlanRecordedEvent(String caseId, String planId, PlanKind kind, String title, LocalDate date,
                                String summary) {
}
