package org.casetrail.events.caserecord;

import java.time.LocalDate;

/**
 * A case was opened for a service user.
 *
 * @param caseId          the new case's id
 * @param serviceUser     the person the case is about
 * @param planType        the framework the case is held under
 * @param allocatedWorker user name of the practitioner the case is allocated to
 * @param openedOn        the date of the referral or of opening, where the case's chronology starts; never after
 *                        the day it was recorded (null in events from before it was asked: then the day recorded)
 */
public record CaseOpenedEvent(String caseId, ServiceUser serviceUser, PlanType planType,
                              String allocatedWorker, LocalDate openedOn) {
}
