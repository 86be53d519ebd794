package org.casetrail.events.caserecord;

/** The statutory or service framework a case is held under; it decides the visit standard. */
public enum PlanType {
    CHILD_PROTECTION,
    CHILD_IN_NEED,
    LOOKED_AFTER,
    ADULT_CARE,
    EARLY_HELP,
    OTHER
}
