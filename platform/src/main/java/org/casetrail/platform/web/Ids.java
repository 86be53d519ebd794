package org.casetrail.platform.web;

import java.util.UUID;

import org.casetrail.platform.messaging.NotFound;

/** Ids are server-made UUIDs; a path segment that is not one names nothing Casetrail holds (404). */
public final class Ids {

    private Ids() {
    }

    /** An id given in a request body: one that is not a UUID is bad input in that field (400). */
    public static String field(String field, String id) {
        try {
            return UUID.fromString(id.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidFields(field, "must be an id (a UUID)");
        }
    }

    public static String require(String what, String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw new NotFound(what, id);
        }
    }

    /** The id as Casetrail writes ids (a lower-case UUID) when it is one, else null. */
    public static String canonicalOrNull(String id) {
        try {
            String canonical = UUID.fromString(id).toString();
            return canonical.equalsIgnoreCase(id) ? canonical : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
