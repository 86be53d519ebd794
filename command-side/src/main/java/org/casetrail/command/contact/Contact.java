package org.casetrail.command.contact;

import static org.casetrail.command.domain.CaseEvents.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.casetrail.command.caserecord.CaseDirectory.CaseFacts;
import org.casetrail.command.caserecord.CaseDirectory;
import org.casetrail.command.contact.ContactCommands.AddAddendumCommand;
import org.casetrail.command.contact.ContactCommands.ChangeAttendeesCommand;
import org.casetrail.command.contact.ContactCommands.ChangeChildVisitCommand;
import org.casetrail.command.contact.ContactCommands.ChangeDescriptionCommand;
import org.casetrail.command.contact.ContactCommands.ChangePurposeCommand;
import org.casetrail.command.contact.ContactCommands.ChangeStatementsCommand;
import org.casetrail.command.contact.ContactCommands.ChangeSettingCommand;
import org.casetrail.command.contact.ContactCommands.ChangeTimingCommand;
import org.casetrail.command.contact.ContactCommands.CorrectContactCommand;
import org.casetrail.command.contact.ContactCommands.DiscardContactCommand;
import org.casetrail.command.contact.ContactCommands.DraftContactCommand;
import org.casetrail.command.contact.ContactCommands.FinaliseContactCommand;
import org.casetrail.command.domain.PublicVersion;
import org.casetrail.events.contact.AddendumAddedEvent;
import org.casetrail.events.contact.AttendeesChangedEvent;
import org.casetrail.events.contact.ChildVisit;
import org.casetrail.events.contact.ChildVisitChangedEvent;
import org.casetrail.events.contact.ContactContent;
import org.casetrail.events.contact.ContactContentChange;
import org.casetrail.events.contact.ContactCorrectedEvent;
import org.casetrail.events.contact.ContactDiscardedEvent;
import org.casetrail.events.contact.ContactDraftedEvent;
import org.casetrail.events.contact.ContactFinalisedEvent;
import org.casetrail.events.contact.ContactStatements;
import org.casetrail.events.contact.StatementsChangedEvent;
import org.casetrail.events.contact.DescriptionChangedEvent;
import org.casetrail.events.contact.Purpose;
import org.casetrail.events.contact.PurposeChangedEvent;
import org.casetrail.events.contact.SettingChangedEvent;
import org.casetrail.events.contact.Timing;
import org.casetrail.events.contact.SettingType;
import org.casetrail.events.contact.TimingChangedEvent;
import org.casetrail.platform.messaging.DomainRuleViolation;
import org.casetrail.platform.messaging.MetaDataKeys;
import org.casetrail.platform.messaging.NotPermitted;

/**
 * A case note contact: drafted, edited while a draft, signed, then only added to or corrected. Every change is
 * an event; nothing is overwritten. Handlers return the contact's public version after their events.
 */
@Aggregate(cache = "contactCache")
class Contact {

    enum Status { DRAFT, FINALISED, DISCARDED }

    @AggregateIdentifier
    private String contactId;
    private String caseId;
    private String author;
    private Status status;
    private String sessionId;
    private ContactContent content = ContactContent.empty();

    Contact() {
        // For Axon, which rebuilds the contact from its events.
    }

    @CommandHandler
    Contact(DraftContactCommand command, CaseDirectory cases, SessionHolder sessions) {
        var facts = cases.facts(command.caseId());
        if (!facts.open()) {
            throw new DomainRuleViolation("CASE_CLOSED", "Cannot record a contact on a closed case; reopen it first");
        }
        requireOrdered(command.timing());
        requirePlansOf(facts, command.purpose());
        apply(command.caseId(),
              new ContactDraftedEvent(command.contactId(), command.caseId(), command.attendees(), command.setting(),
                                      command.timing(), command.purpose(), command.description(), command.sessionId(),
                                      command.childVisit(), command.statements()));
        if (command.sessionId() != null) {
            sessions.check(command.sessionId(), command.caseId());
        }
    }

    @CommandHandler
    long handle(ChangeAttendeesCommand command, @MetaDataValue(MetaDataKeys.ACTOR) String actor,
                @MetaDataValue(MetaDataKeys.ACTOR_ROLE) String role) {
        return edit(actor, role, new AttendeesChangedEvent(contactId, command.attendees()));
    }

    @CommandHandler
    long handle(ChangeSettingCommand command, @MetaDataValue(MetaDataKeys.ACTOR) String actor,
                @MetaDataValue(MetaDataKeys.ACTOR_ROLE) String role) {
        return edit(actor, role, new SettingChangedEvent(contactId, command.setting()));
    }

    @CommandHandler
    long handle(ChangeTimingCommand command, @MetaDataValue(MetaDataKeys.ACTOR) String actor,
                @MetaDataValue(MetaDataKeys.ACTOR_ROLE) String role) {
        requireOrdered(command.timing());
        return edit(actor, role, new TimingChangedEvent(contactId, command.timing()));
    }

    @CommandHandler
    long handle(ChangePurposeCommand command, CaseDirectory cases, @MetaDataValue(MetaDataKeys.ACTOR) String actor,
                @MetaDataValue(MetaDataKeys.ACTOR_ROLE) String role) {
        requireDraftChangeableBy(actor, role);
        requirePlansOf(cases.facts(caseId), command.purpose());
        apply(caseId, new PurposeChangedEvent(contactId, command.purpose()));
        return PublicVersion.current();
    }

    @CommandHandler
    long handle(ChangeDescriptionCommand command, @MetaDataValue(MetaDataKeys.ACTOR) String actor,
                @MetaDataValue(MetaDataKeys.ACTOR_ROLE) String role) {
        return edit(actor, role, new DescriptionChangedEvent(contactId, command.description()));
    }

    @CommandHandler
    long handle(ChangeChildVisitCommand command, @MetaDataValue(MetaDataKeys.ACTOR) String actor,
                @MetaDataValue(MetaDataKeys.ACTOR_ROLE) String role) {
        return edit(actor, role, new ChildVisitChangedEvent(contactId, command.childVisit()));
    }

    /** A change that leaves every statement as it was records nothing. */
    @CommandHandler
    long handle(ChangeStatementsCommand command, @MetaDataValue(MetaDataKeys.ACTOR) String actor,
                @MetaDataValue(MetaDataKeys.ACTOR_ROLE) String role) {
        requireDraftChangeableBy(actor, role);
        ContactStatements now = content.statementsOrNone();
        ContactStatements next = now.with(command.statements(), command.parts());
        if (next.equals(now)) {
            return PublicVersion.current();
        }
        apply(caseId, new StatementsChangedEvent(contactId, next));
        return PublicVersion.current();
    }

    @CommandHandler
    long handle(FinaliseContactCommand command, SessionHolder sessions, CaseDirectory cases,
                @MetaDataValue(MetaDataKeys.ACTOR) String actor, @MetaDataValue(MetaDataKeys.ACTOR_ROLE) String role) {
        requireDraftChangeableBy(actor, role);
        var missing = new java.util.ArrayList<>(content.missingForFinalisation());
        if (content.setting() != null && content.setting().type() == SettingType.HOME
            && cases.facts(caseId).child()) {
            // A home visit to a child says whether the child was seen (alone), their bedroom, their wishes.
            missing.addAll(content.childVisit() == null ? new ChildVisit(null, null, null, null).missing()
                                                        : content.childVisit().missing());
        }
        if (!missing.isEmpty()) {
            throw new DomainRuleViolation("CONTACT_INCOMPLETE",
                    "Fill in " + String.join(", ", missing) + " before signing the contact");
        }
        apply(caseId, new ContactFinalisedEvent(contactId, actor, command.shortfallReason()));
        long version = PublicVersion.current();
        if (sessionId != null) {
            sessions.hold(sessionId, caseId, contactId);
        }
        return version;
    }

    @CommandHandler
    long handle(AddAddendumCommand command) {
        requireFinalised("addenda");
        apply(caseId, new AddendumAddedEvent(contactId, command.addendumId(), command.text(), command.reason()));
        return PublicVersion.current();
    }

    @CommandHandler
    long handle(CorrectContactCommand command, CaseDirectory cases, @MetaDataValue(MetaDataKeys.ACTOR) String actor,
                @MetaDataValue(MetaDataKeys.ACTOR_ROLE) String role) {
        requireFinalised("corrections");
        requireAuthorOrManager(actor, role, "correct");
        var value = command.corrected();
        if (!value.carriesOnly(command.section())) {
            throw new DomainRuleViolation("CORRECTION_MISMATCH", "A correction carries the " + command.section()
                    + " section and nothing else");
        }
        requireOrdered(value.timing());
        requirePlansOf(cases.facts(caseId), value.purpose());
        apply(caseId, new ContactCorrectedEvent(contactId, command.correctionId(), command.section(), value.attendees(),
                                        value.setting(), value.timing(), value.purpose(), value.description(),
                                        command.reason(), value.childVisit(), value.statements()));
        return PublicVersion.current();
    }

    @CommandHandler
    long handle(DiscardContactCommand command, SessionHolder sessions,
                @MetaDataValue(MetaDataKeys.ACTOR) String actor, @MetaDataValue(MetaDataKeys.ACTOR_ROLE) String role) {
        requireDraftChangeableBy(actor, role);
        apply(caseId, new ContactDiscardedEvent(contactId, command.reason()));
        long version = PublicVersion.current();
        if (sessionId != null) {
            sessions.release(sessionId, contactId);
        }
        return version;
    }

    @EventSourcingHandler
    void on(ContactDraftedEvent event, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        contactId = event.contactId();
        caseId = event.caseId();
        author = actor;
        status = Status.DRAFT;
        sessionId = event.sessionId();
        content = event.applyTo(ContactContent.empty());
    }

    /** Edits and corrections: each event says how it changes the content. */
    @EventSourcingHandler
    void on(ContactContentChange change) {
        content = change.applyTo(content);
    }

    @EventSourcingHandler
    void on(ContactFinalisedEvent event) {
        status = Status.FINALISED;
    }

    @EventSourcingHandler
    void on(ContactDiscardedEvent event) {
        status = Status.DISCARDED;
    }

    ContactDirectory.ContactFacts facts() {
        return new ContactDirectory.ContactFacts(contactId, caseId, status == Status.DISCARDED,
                                                 status == Status.FINALISED);
    }

    private long edit(String actor, String role, Object event) {
        requireDraftChangeableBy(actor, role);
        apply(caseId, event);
        return PublicVersion.current();
    }

    private void requireDraftChangeableBy(String actor, String role) {
        if (status == Status.FINALISED) {
            throw new DomainRuleViolation("CONTACT_FINALISED",
                    "A finalised contact cannot be edited; add an addendum or a correction instead");
        }
        if (status == Status.DISCARDED) {
            throw new DomainRuleViolation("CONTACT_DISCARDED", "A discarded draft cannot be changed");
        }
        requireAuthorOrManager(actor, role, "change");
    }

    private void requireAuthorOrManager(String actor, String role, String action) {
        if (!author.equals(actor) && !"MANAGER".equals(role)) {
            throw new NotPermitted("NOT_AUTHOR", "Only the author (" + author + ") or a manager may " + action
                    + " this contact");
        }
    }

    private void requireFinalised(String what) {
        if (status != Status.FINALISED) {
            throw new DomainRuleViolation("CONTACT_NOT_FINALISED", "Only a finalised contact takes " + what
                    + (status == Status.DRAFT ? "; edit the draft instead" : ""));
        }
    }

    private static void requireOrdered(Timing timing) {
        if (ContactContent.empty().withTiming(timing).endsBeforeStart()) {
            throw new DomainRuleViolation("END_BEFORE_START", "A contact cannot end before it starts");
        }
    }

    private static void requirePlansOf(CaseFacts facts, Purpose purpose) {
        if (purpose == null) {
            return;
        }
        for (String planId : purpose.linkedPlanIds()) {
            if (!facts.planIds().contains(planId)) {
                throw new DomainRuleViolation("PLAN_NOT_IN_CASE",
                        "Plan " + planId + " is not an assessment or plan of this contact's case");
            }
        }
    }
}
