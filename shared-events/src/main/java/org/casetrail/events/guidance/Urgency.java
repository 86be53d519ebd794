package org.casetrail.events.guidance;

/** How soon a practitioner needs a manager's guidance. */
public enum Urgency {
    ROUTINE,
    URGENT
}
