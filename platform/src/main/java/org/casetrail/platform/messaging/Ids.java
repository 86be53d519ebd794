package org.casetrail.platform.messaging;

import java.util.UUID;

/** Ids are server-made UUIDs; a path segment that is not one names nothing Casetrail holds (404). */
public final class Ids {

    private Ids() {
    }

    /** An id given in a request body: one that is not a UUID is bad input in that field (400). */
    public static String field(String field, String id) {
        try {
            return UUID.fromString(id.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw new org.casetrail.platform.web.InvalidFields(field, "must be an id (a UUID)");
        }
    }

    public static String require(String what, String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw new NotFound(what, id);
        }
    }
}
