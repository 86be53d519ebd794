package org.casetrail.events.caserecord;

/** The kind of document a contact's purpose can be linked to. */
public enum PlanKind {
    ASSESSMENT,
    CARE_PLAN,
    INTERVENTION_PLAN
}
