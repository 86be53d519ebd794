package org.casetrail.platform.messaging;

import java.util.UUID;

/** Ids are server-made UUIDs; a path segment that is not one names nothing Casetrail holds (404). */
public final class Ids {

    private Ids() {
    }

    public static String require(String what, String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw new NotFound(what, id);
        }
    }
}
