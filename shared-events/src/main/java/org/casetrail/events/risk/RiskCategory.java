package org.casetrail.events.risk;

/** Whose safety a risk is about. */
public enum RiskCategory {
    TO_SELF,
    TO_OTHERS,
    FROM_OTHERS
}
