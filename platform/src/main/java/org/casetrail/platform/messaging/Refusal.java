package org.casetrail.platform.messaging;

/**
 * A request refused for a reason the caller can act on, named by a stable {@link #code()} so clients need not
 * parse the message. Each subclass decides the HTTP status.
 */
public abstract class Refusal extends RuntimeException {

    private final String code;

    protected Refusal(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
