package org.casetrail.command;

import java.util.Map;

import org.axonframework.messaging.MetaData;
import org.casetrail.command.contact.ContactDirectory.ContactFacts;
import org.casetrail.command.contact.ContactDirectory;

/** The contacts the follow-up fixture tests record from. */
public final class FollowUpFixtures {

    public static final String CASE = "a0000000-0000-4000-8000-000000000001";
    public static final String OTHER_CASE = "a0000000-0000-4000-8000-000000000002";
    public static final String CONTACT = "c0000000-0000-4000-8000-000000000001";
    public static final String LATER_CONTACT = "c0000000-0000-4000-8000-000000000002";
    public static final String DISCARDED_CONTACT = "c0000000-0000-4000-8000-000000000003";
    public static final String OTHER_CASES_CONTACT = "c0000000-0000-4000-8000-000000000004";
    public static final String SIGNED_CONTACT = "c0000000-0000-4000-8000-000000000005";

    public static final MetaData ALEX = MetaData.with("actor", "alex").and("actorRole", "PRACTITIONER");
    public static final MetaData MORGAN = MetaData.with("actor", "morgan").and("actorRole", "MANAGER");

    private static final Map<String, ContactFacts> CONTACTS = Map.of(
            CONTACT, new ContactFacts(CONTACT, CASE, false, false),
            LATER_CONTACT, new ContactFacts(LATER_CONTACT, CASE, false, false),
            DISCARDED_CONTACT, new ContactFacts(DISCARDED_CONTACT, CASE, true, false),
            OTHER_CASES_CONTACT, new ContactFacts(OTHER_CASES_CONTACT, OTHER_CASE, false, false),
            SIGNED_CONTACT, new ContactFacts(SIGNED_CONTACT, CASE, false, true));

    public static final ContactDirectory CONTACT_DIRECTORY = CONTACTS::get;

    private FollowUpFixtures() {
    }
}
