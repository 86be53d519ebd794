package org.casetrail.events.action;

/** Whether an action serves short- or long-term change. */
public enum ActionTerm {
    SHORT,
    LONG
}
