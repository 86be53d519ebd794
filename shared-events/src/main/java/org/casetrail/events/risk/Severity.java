package org.casetrail.events.risk;

/** How serious a risk is judged to be. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH
}
