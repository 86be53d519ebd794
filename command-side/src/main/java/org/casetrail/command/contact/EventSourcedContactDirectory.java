package org.casetrail.command.contact;

import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Loads the contact aggregate itself, inside the caller's unit of work. */
@Component
class EventSourcedContactDirectory implements ContactDirectory {

    private final Repository<Contact> contacts;

    EventSourcedContactDirectory(Repository<Contact> contacts) {
        this.contacts = contacts;
    }

    @Override
    public ContactFacts facts(String contactId) {
        return contacts.load(contactId).invoke(Contact::facts);
    }
}
