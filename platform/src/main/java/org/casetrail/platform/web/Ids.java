package org.casetrail.platform.web;

import java.util.regex.Pattern;

/**
 * Ids are server-made UUIDs, accepted only in their canonical 36-character form (hex digits in groups of 8, 4, 4,
 * 4 and 12), so one record has one spelling: a lenient parse would let {@code 4cec335-...} (a digit dropped)
 * name the same record as {@code 04cec335-...} and slip past everything keyed by the id, the audit trail first.
 */
public final class Ids {

    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    /** An id given in a request body or query: one that is not a canonical UUID is bad input there (400). */
    public static String field(String field, String id) {
        String canonical = canonicalOrNull(id);
        if (canonical == null) {
            throw new InvalidFields(field, "must be an id: a UUID in its 36-character form");
        }
        return canonical;
    }

    /**
     * An id in a path, naming a {@code what} (e.g. "case", "guidance request"): one that is not a canonical UUID is
     * bad input (400, in the field named for the last word, e.g. {@code requestId}).
     */
    public static String require(String what, String id) {
        return field(what.substring(what.lastIndexOf(' ') + 1) + "Id", id);
    }

    /** The id as Casetrail writes ids (a lower-case UUID) when it is one in canonical form, else null. */
    public static String canonicalOrNull(String id) {
        return id != null && CANONICAL.matcher(id).matches() ? id.toLowerCase(java.util.Locale.ROOT) : null;
    }
}
