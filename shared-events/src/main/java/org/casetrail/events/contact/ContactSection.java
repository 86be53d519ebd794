package org.casetrail.events.contact;

/** The parts of a finalised contact a correction can change. */
public enum ContactSection {
    ATTENDEES,
    SETTING,
    TIMING,
    PURPOSE,
    DESCRIPTION,
    /** Part of heading 4 for a home visit to a child: seen, seen alone, bedroom seen, wishes and feelings. */
    CHILD_VISIT,
    /** What the practitioner states to complete headings 1, 4, 5, 6 and 7 ({@link ContactStatements}). */
    STATEMENTS
}
