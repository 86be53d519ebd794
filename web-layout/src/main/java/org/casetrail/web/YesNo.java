package org.casetrail.web;

/** The two answers of a yes-or-no question, as its radios post them ({@code yes}, {@code no}). */
public enum YesNo {
    yes,
    no;

    /** The answer for a recorded value: null (not answered) stays null. */
    public static YesNo of(Boolean value) {
        return value == null ? null : value ? yes : no;
    }
}
