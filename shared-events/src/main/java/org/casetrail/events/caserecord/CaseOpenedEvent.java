package org.casetrail.events.caserecord;

/**
 * A case was opened for a service user.
 *
 * @param caseId          the new case's id
 * @param serviceUser     the person the case is about
 * @param planType        the framework the case is held under
 * @param allocatedWorker user name of the practitioner the case is allocated to
 */
public record CaseOpenedEvent(String caseId, ServiceUser serviceUser, PlanType planType,
                              String allocatedWorker) {
}
