package org.casetrail.platform.messaging;

/**
 * A command refused by a rule of the domain, such as editing a finalised contact. The caller sees 422 with the
 * stable {@link #code()}, so clients can act on it without parsing the message.
 */
public class DomainRuleViolation extends Refusal {

    public DomainRuleViolation(String code, String message) {
        super(code, message);
    }
}
