package org.casetrail.platform.messaging;

/**
 * The signed-in user may not do this to this record, though their role may do it in general (for example,
 * changing another practitioner's draft). The caller sees 403 with the stable {@link #code()}.
 */
public class NotPermitted extends Refusal {

    public NotPermitted(String code, String message) {
        super(code, message);
    }
}
