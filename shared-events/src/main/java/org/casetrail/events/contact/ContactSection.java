package org.casetrail.events.contact;

/** The parts of a finalised contact a correction can change. */
public enum ContactSection {
    ATTENDEES,
    SETTING,
    TIMING,
    PURPOSE,
    DESCRIPTION
}
