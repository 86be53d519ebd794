package org.casetrail.platform.security;

/** What a signed-in user may do; the README's role matrix spells it out endpoint by endpoint. */
public enum Role {
    /** Records contacts and follows up on them. */
    PRACTITIONER,
    /** Oversees: everything a practitioner may do, plus answering guidance requests and producing bundles. */
    MANAGER,
    /** Reads and verifies; changes nothing. */
    AUDITOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
