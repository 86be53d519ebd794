package org.casetrail.platform.web;

/** Input the caller must fix that bean validation cannot express, such as a malformed {@code If-Match}. */
public class BadRequest extends RuntimeException {

    private final String field;

    public BadRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
