package org.casetrail.query.pages;

import java.util.List;

/**
 * What a follow-up page shows: a record's summary and one short form about it (complete an action, close a risk,
 * move a session, add a plan...). One template draws them all, so they look and behave alike.
 *
 * @param title   the page's heading, a question or an instruction
 * @param caption whose record it is
 * @param back    where "back" goes (the case)
 * @param summary the record as it stands, row by row
 * @param fields  the form's fields, in order
 * @param button  the button's words
 * @param open    false when the record can no longer take this (the page says so instead of showing the form)
 */
public record FollowUps(String title, String caption, String back, List<Row> summary, List<Field> fields,
                        String button, boolean open) {

    public record Row(String key, String value) {
    }

    public record Option(String value, String label) {
    }

    /**
     * One field. {@code kind}: {@code text}, {@code textarea}, {@code date} (the day, month and year boxes),
     * {@code datetime} (those and a time, {@code name}-time), {@code select} or {@code radios}.
     */
    public record Field(String kind, String name, String label, String hint, List<Option> options, int max) {

        static Field textarea(String name, String label, int max) {
            return new Field("textarea", name, label, null, List.of(), max);
        }

        static Field date(String name, String label) {
            return new Field("date", name, label, "For example, 15 1 2027", List.of(), 0);
        }

        static Field dateTime(String name, String label) {
            return new Field("datetime", name, label, "For example, 15 1 2027", List.of(), 0);
        }

        static Field select(String name, String label, List<Option> options) {
            return new Field("select", name, label, null, options, 0);
        }

        static Field radios(String name, String label, List<Option> options) {
            return new Field("radios", name, label, null, options, 0);
        }

        static Field text(String name, String label, int max) {
            return new Field("text", name, label, null, List.of(), max);
        }
    }
}
