package org.casetrail.platform.messaging;

/** The id in the request names nothing Casetrail holds; the caller sees 404. */
public class NotFound extends RuntimeException {

    public NotFound(String what, String id) {
        super("No " + what + " with id " + id);
    }
}
