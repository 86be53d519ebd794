package org.casetrail.platform.web;

/** The request clashes with what is already recorded (409), with a stable code. */
public class Conflict extends RuntimeException {

    private final String code;

    public Conflict(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
