package org.casetrail.events.risk;

/** Which part of a person's life a risk touches. */
public enum RiskAspect {
    EMOTIONAL,
    SAFETY,
    WELLBEING
}
