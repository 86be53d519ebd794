package org.casetrail.command.contact;

import java.util.List;
import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.casetrail.events.contact.Attendee;
import org.casetrail.events.contact.ChildVisit;
import org.casetrail.events.contact.ContactContent;
import org.casetrail.events.contact.ContactSection;
import org.casetrail.events.contact.ContactStatements;
import org.casetrail.events.contact.Purpose;
import org.casetrail.events.contact.Setting;
import org.casetrail.events.contact.Timing;

/** The commands a contact takes. An {@code expectedSequence} of null means "whatever the current version is". */
final class ContactCommands {

    private ContactCommands() {
    }

    record DraftContactCommand(@TargetAggregateIdentifier String contactId, String caseId, List<Attendee> attendees,
                               Setting setting, Timing timing, Purpose purpose, String description,
                               String sessionId, ChildVisit childVisit, ContactStatements statements) {
    }

    record ChangeAttendeesCommand(@TargetAggregateIdentifier String contactId, List<Attendee> attendees,
                                  @TargetAggregateVersion Long expectedSequence) {
    }

    record ChangeSettingCommand(@TargetAggregateIdentifier String contactId, Setting setting,
                                @TargetAggregateVersion Long expectedSequence) {
    }

    record ChangeTimingCommand(@TargetAggregateIdentifier String contactId, Timing timing,
                               @TargetAggregateVersion Long expectedSequence) {
    }

    record ChangePurposeCommand(@TargetAggregateIdentifier String contactId, Purpose purpose,
                                @TargetAggregateVersion Long expectedSequence) {
    }

    record ChangeDescriptionCommand(@TargetAggregateIdentifier String contactId, String description,
                                    @TargetAggregateVersion Long expectedSequence) {
    }

    record ChangeChildVisitCommand(@TargetAggregateIdentifier String contactId, ChildVisit childVisit,
                                   @TargetAggregateVersion Long expectedSequence) {
    }

    /** {@code parts} of the statements are taken from {@code statements}; the others are kept as they are. */
    record ChangeStatementsCommand(@TargetAggregateIdentifier String contactId, ContactStatements statements,
                                   Set<ContactStatements.Part> parts, @TargetAggregateVersion Long expectedSequence) {
    }

    /** {@code shortfallReason}: why the contact is signed although it falls short of the recording standard. */
    record FinaliseContactCommand(@TargetAggregateIdentifier String contactId, String shortfallReason,
                                  @TargetAggregateVersion Long expectedSequence) {
    }

    record AddAddendumCommand(@TargetAggregateIdentifier String contactId, String addendumId, String text,
                              String reason, @TargetAggregateVersion Long expectedSequence) {
    }

    /** Exactly the value matching {@code section} is set. */
    record CorrectContactCommand(@TargetAggregateIdentifier String contactId, String correctionId,
                                 ContactSection section, ContactContent corrected, String reason,
                                 @TargetAggregateVersion Long expectedSequence) {
    }

    record DiscardContactCommand(@TargetAggregateIdentifier String contactId, String reason,
                                 @TargetAggregateVersion Long expectedSequence) {
    }
}
