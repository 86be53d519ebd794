package org.casetrail.command.contact;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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
import org.casetrail.command.web.CommandDispatcher;
import org.casetrail.command.web.Versions;
import org.casetrail.events.contact.Attendee;
import org.casetrail.events.contact.ChildVisit;
import org.casetrail.events.contact.AttendeeRole;
import org.casetrail.events.contact.ContactContent;
import org.casetrail.events.contact.ContactSection;
import org.casetrail.events.contact.ContactStatements;
import org.casetrail.events.contact.Purpose;
import org.casetrail.events.contact.Setting;
import org.casetrail.events.contact.SettingType;
import org.casetrail.events.contact.Timing;
import org.casetrail.platform.web.Ids;
import org.casetrail.platform.web.InvalidFields;
import org.casetrail.platform.web.Problems.FieldError;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/** The contact writes over HTTP: drafting, editing a draft, signing, addenda, corrections, discarding. */
@RestController
class ContactController {

    /** How far ahead of the server's clock a start may be, for clocks that disagree a little. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private final CommandDispatcher commands;
    private final CorrectionValues correctionValues;
    private final Clock clock;

    ContactController(CommandDispatcher commands, CorrectionValues correctionValues, Clock clock) {
        this.commands = commands;
        this.correctionValues = correctionValues;
        this.clock = clock;
    }

    /** A correction's value: the shape, and the checks, of the draft edit of the same section. */
    sealed interface CorrectedSection permits AttendeesCorrection, SettingBody, TimingBody, PurposeBody,
            DescriptionCorrection, ChildVisitBody, StatementsBody {

        /** Content carrying this section only. */
        ContactContent content(ContactController checks);
    }

    record AttendeeBody(@NotBlank @Size(max = 200) String name, @NotNull AttendeeRole role,
                        @Size(max = 200) String organisation, @Size(max = 500) String contactDetails) {
        Attendee toAttendee() {
            return new Attendee(name.trim(), role, trimToNull(organisation), trimToNull(contactDetails));
        }
    }

    record SettingBody(@NotNull SettingType type, @Size(max = 500) String location) implements CorrectedSection {
        Setting toSetting() {
            return new Setting(type, trimToNull(location));
        }

        @Override
        public ContactContent content(ContactController checks) {
            return ContactContent.empty().withSetting(toSetting());
        }
    }

    record PurposeBody(@Size(max = 10_000) String text, @Size(max = 50) List<@NotBlank String> linkedPlanIds,
                       @Size(max = 2_000) String intervention, @Size(max = 2_000) String theory)
            implements CorrectedSection {

        @Override
        public ContactContent content(ContactController checks) {
            return ContactContent.empty().withPurpose(toPurpose("value"));
        }

        Purpose toPurpose(String field) {
            List<String> plans = new ArrayList<>();
            List<String> given = linkedPlanIds == null ? List.of() : linkedPlanIds;
            for (int i = 0; i < given.size(); i++) {
                plans.add(Ids.field(field + ".linkedPlanIds[" + i + "]", given.get(i)));
            }
            return new Purpose(trimToNull(text), List.copyOf(plans), trimToNull(intervention), trimToNull(theory));
        }
    }

    record TimingBody(@NotNull Instant startedAt, Instant endedAt) implements CorrectedSection {
        @Override
        public ContactContent content(ContactController checks) {
            return ContactContent.empty().withTiming(checks.timing(startedAt, endedAt));
        }
    }

    record DescriptionBody(@NotNull @Size(max = 50_000) String text) {
    }

    /** A home visit to a child: seen, seen alone, bedroom seen, wishes and feelings (any may be left out in a draft). */
    record ChildVisitBody(Boolean childSeen, Boolean seenAlone, Boolean bedroomSeen,
                          @Size(max = 10_000) String wishesAndFeelings) implements CorrectedSection {

        ChildVisit toChildVisit() {
            if (Boolean.FALSE.equals(childSeen) && Boolean.TRUE.equals(seenAlone)) {
                throw new InvalidFields("seenAlone", "cannot be true when the child was not seen");
            }
            return new ChildVisit(childSeen, Boolean.FALSE.equals(childSeen) ? null : seenAlone, bedroomSeen,
                                  trimToNull(wishesAndFeelings));
        }

        @Override
        public ContactContent content(ContactController checks) {
            return ContactContent.empty().withChildVisit(toChildVisit());
        }
    }

    /**
     * What the practitioner states to complete headings 1, 4, 5, 6 and 7 where there is nothing else to record under
     * them. The draft edit replaces every statement: one left out is cleared.
     */
    record StatementsBody(@Size(max = 2_000) String serviceUserNotSeenReason, @Size(max = 10_000) String presentation,
                          Boolean noNewRisks, Boolean guidanceNeeded, @Size(max = 2_000) String noNextSessionReason)
            implements CorrectedSection {

        ContactStatements toStatements() {
            return new ContactStatements(trimToNull(serviceUserNotSeenReason), trimToNull(presentation),
                                         Boolean.TRUE.equals(noNewRisks) ? Boolean.TRUE : null, guidanceNeeded,
                                         trimToNull(noNextSessionReason));
        }

        @Override
        public ContactContent content(ContactController checks) {
            ContactStatements statements = toStatements();
            if (statements.isEmpty()) {
                throw new InvalidFields("value", "must state at least one thing");
            }
            return ContactContent.empty().withStatements(statements);
        }
    }

    /** Attendees as the draft edit takes them: an array of at least one and at most 50. */
    record AttendeesCorrection(@Size(max = 50) List<@NotNull @Valid AttendeeBody> attendees)
            implements CorrectedSection {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        AttendeesCorrection {
        }

        @Override
        public ContactContent content(ContactController checks) {
            if (attendees.isEmpty()) {
                throw new InvalidFields("value", "must list at least one attendee");
            }
            return ContactContent.empty().withAttendees(ContactController.attendees(attendees));
        }
    }

    /** What took place, as the draft edit takes it ({@code {"text": ...}}) or as the bare text. */
    record DescriptionCorrection(@NotBlank @Size(max = 50_000) String text) implements CorrectedSection {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static DescriptionCorrection of(String text) {
            return new DescriptionCorrection(text);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        DescriptionCorrection {
        }

        @Override
        public ContactContent content(ContactController checks) {
            return ContactContent.empty().withDescription(text.trim());
        }
    }

    record DraftContactBody(@Size(max = 50) List<@NotNull @Valid AttendeeBody> attendees,
                            @NotNull @Valid SettingBody setting,
                            @NotNull Instant startedAt,
                            Instant endedAt,
                            @Valid PurposeBody purpose,
                            @Size(max = 50_000) String description,
                            String sessionId,
                            @Valid ChildVisitBody childVisit,
                            @Valid StatementsBody statements) {
    }

    record ContactWritten(String contactId, long version) {
    }

    @Operation(summary = "Draft a contact under the seven headings (setting and start required)")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "Drafted: the contact id and version 1"),
            @ApiResponse(responseCode = "404", description = "No such case"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CASE_CLOSED`, `END_BEFORE_START`, `PLAN_NOT_IN_CASE`, `SESSION_NOT_IN_CASE`, `SESSION_NOT_BOOKED`")})
    @PostMapping("/api/cases/{caseId}/contacts")
    ResponseEntity<ContactWritten> draft(@PathVariable String caseId, @Valid @RequestBody DraftContactBody body) {
        String id = Ids.require("case", caseId);
        String contactId = UUID.randomUUID().toString();
        Timing timing = timing(body.startedAt(), body.endedAt());
        String sessionId = body.sessionId() == null ? null : validSessionId(body.sessionId());
        long version = commands.create(new DraftContactCommand(contactId, id, attendees(body.attendees()),
                body.setting().toSetting(), timing, body.purpose() == null ? null : body.purpose().toPurpose("purpose"),
                trimToNull(body.description()), sessionId,
                body.childVisit() == null ? null : body.childVisit().toChildVisit(),
                body.statements() == null ? null : body.statements().toStatements()));
        return ResponseEntity.created(URI.create("/api/contacts/" + contactId))
                             .eTag(Versions.etag(version))
                             .body(new ContactWritten(contactId, version));
    }

    @Operation(summary = "Replace a draft's attendees (heading 1)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Changed: the new version"),
            @ApiResponse(responseCode = "404", description = "No such contact"),
            @ApiResponse(responseCode = "403", description = "`FORBIDDEN_FOR_ROLE`, or `NOT_AUTHOR`: only the author or a manager may change this contact"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CONTACT_FINALISED`, `CONTACT_DISCARDED`")})
    @PutMapping("/api/contacts/{contactId}/attendees")
    ResponseEntity<ContactWritten> attendees(@PathVariable String contactId,
                                             @RequestBody @Size(max = 50) List<@NotNull @Valid AttendeeBody> body,
                                             @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        return written(contactId, commands.send(new ChangeAttendeesCommand(id(contactId), attendees(body),
                                                                           Versions.expectedSequence(ifMatch))));
    }

    @Operation(summary = "Change a draft's setting (heading 2, where)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Changed: the new version"),
            @ApiResponse(responseCode = "404", description = "No such contact"),
            @ApiResponse(responseCode = "403", description = "`FORBIDDEN_FOR_ROLE`, or `NOT_AUTHOR`: only the author or a manager may change this contact"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CONTACT_FINALISED`, `CONTACT_DISCARDED`")})
    @PutMapping("/api/contacts/{contactId}/setting")
    ResponseEntity<ContactWritten> setting(@PathVariable String contactId, @Valid @RequestBody SettingBody body,
                                           @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        return written(contactId, commands.send(new ChangeSettingCommand(id(contactId), body.toSetting(),
                                                                         Versions.expectedSequence(ifMatch))));
    }

    @Operation(summary = "Change a draft's start and end (heading 2, when)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Changed: the new version"),
            @ApiResponse(responseCode = "404", description = "No such contact"),
            @ApiResponse(responseCode = "403", description = "`FORBIDDEN_FOR_ROLE`, or `NOT_AUTHOR`: only the author or a manager may change this contact"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CONTACT_FINALISED`, `CONTACT_DISCARDED`, `END_BEFORE_START`")})
    @PutMapping("/api/contacts/{contactId}/timing")
    ResponseEntity<ContactWritten> timing(@PathVariable String contactId, @Valid @RequestBody TimingBody body,
                                          @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        return written(contactId, commands.send(new ChangeTimingCommand(id(contactId),
                timing(body.startedAt(), body.endedAt()), Versions.expectedSequence(ifMatch))));
    }

    @Operation(summary = "Change a draft's purpose and linked plans (heading 3)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Changed: the new version"),
            @ApiResponse(responseCode = "404", description = "No such contact"),
            @ApiResponse(responseCode = "403", description = "`FORBIDDEN_FOR_ROLE`, or `NOT_AUTHOR`: only the author or a manager may change this contact"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CONTACT_FINALISED`, `CONTACT_DISCARDED`, `PLAN_NOT_IN_CASE`")})
    @PutMapping("/api/contacts/{contactId}/purpose")
    ResponseEntity<ContactWritten> purpose(@PathVariable String contactId, @Valid @RequestBody PurposeBody body,
                                           @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        return written(contactId, commands.send(new ChangePurposeCommand(id(contactId), body.toPurpose("purpose"),
                                                                         Versions.expectedSequence(ifMatch))));
    }

    @Operation(summary = "Change a draft's account of what took place (heading 4)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Changed: the new version"),
            @ApiResponse(responseCode = "404", description = "No such contact"),
            @ApiResponse(responseCode = "403", description = "`FORBIDDEN_FOR_ROLE`, or `NOT_AUTHOR`: only the author or a manager may change this contact"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CONTACT_FINALISED`, `CONTACT_DISCARDED`")})
    @PutMapping("/api/contacts/{contactId}/description")
    ResponseEntity<ContactWritten> description(@PathVariable String contactId,
                                               @Valid @RequestBody DescriptionBody body,
                                               @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        return written(contactId, commands.send(new ChangeDescriptionCommand(id(contactId), trimToNull(body.text()),
                                                                             Versions.expectedSequence(ifMatch))));
    }

    @Operation(summary = "Record what a home visit to a child must say (part of heading 4)", description = "Whether "
            + "the child was seen, seen alone and their bedroom seen, and their wishes and feelings in their own words. "
            + "A home visit on a child's case (child protection, child in need, looked after) is signed only once "
            + "these are answered; optional for adults' services.")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Changed: the new version"),
            @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: invalid input, e.g. `seenAlone` but not seen"),
            @ApiResponse(responseCode = "404", description = "No such contact"),
            @ApiResponse(responseCode = "403", description = "`FORBIDDEN_FOR_ROLE`, or `NOT_AUTHOR`: only the author or a manager may change this contact"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CONTACT_FINALISED`, `CONTACT_DISCARDED`")})
    @PutMapping("/api/contacts/{contactId}/child-visit")
    ResponseEntity<ContactWritten> childVisit(@PathVariable String contactId, @Valid @RequestBody ChildVisitBody body,
                                              @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        return written(contactId, commands.send(new ChangeChildVisitCommand(id(contactId), body.toChildVisit(),
                                                                            Versions.expectedSequence(ifMatch))));
    }

    @Operation(summary = "State what completes headings 1, 4, 5, 6 and 7 of a draft", description = "Why the "
            + "service user was not seen (heading 1), how the person presented and engaged (heading 4), that no new "
            + "risks were identified (heading 5), whether a manager's guidance is needed, yes or no (heading 6), and "
            + "why no next session is arranged (heading 7). Every statement is replaced: one left out is cleared. "
            + "The contact's recording-quality check reads them.")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Changed: the new version (the same version when nothing changed)"),
            @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: invalid input"),
            @ApiResponse(responseCode = "404", description = "No such contact"),
            @ApiResponse(responseCode = "403", description = "`FORBIDDEN_FOR_ROLE`, or `NOT_AUTHOR`: only the author or a manager may change this contact"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CONTACT_FINALISED`, `CONTACT_DISCARDED`")})
    @PutMapping("/api/contacts/{contactId}/statements")
    ResponseEntity<ContactWritten> statements(@PathVariable String contactId, @Valid @RequestBody StatementsBody body,
                                              @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        return written(contactId, commands.send(new ChangeStatementsCommand(id(contactId), body.toStatements(),
                EnumSet.allOf(ContactStatements.Part.class), Versions.expectedSequence(ifMatch))));
    }

    /** Why a contact is signed although its recording-quality check shows steps not met; the body is optional. */
    record FinaliseBody(@Size(max = 2_000) String shortfallReason) {
    }

    @Operation(summary = "Sign a draft, which locks it", description = "Signing is not refused for falling short of "
            + "the recording standard (professional judgement stays with the practitioner), but a contact signed "
            + "with steps not met should say why in `shortfallReason`; the quality check and report show it.")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Signed: the new version"),
            @ApiResponse(responseCode = "404", description = "No such contact"),
            @ApiResponse(responseCode = "403", description = "`FORBIDDEN_FOR_ROLE`, or `NOT_AUTHOR`: only the author or a manager may change this contact"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CONTACT_INCOMPLETE`, `CONTACT_FINALISED`, `CONTACT_DISCARDED`")})
    @PostMapping("/api/contacts/{contactId}/finalise")
    ResponseEntity<ContactWritten> finalise(@PathVariable String contactId,
                                            @Valid @RequestBody(required = false) FinaliseBody body,
                                            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        String reason = body == null ? null : trimToNull(body.shortfallReason());
        return written(contactId, commands.send(new FinaliseContactCommand(id(contactId), reason,
                                                                           Versions.expectedSequence(ifMatch))));
    }

    record AddendumBody(@NotBlank @Size(max = 50_000) String text, @NotBlank @Size(max = 2_000) String reason) {
    }

    record AddendumWritten(String contactId, String addendumId, long version) {
    }

    @Operation(summary = "Add an addendum to a signed contact, with a reason")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "Added: the addendum id and the new version"),
            @ApiResponse(responseCode = "404", description = "No such contact"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CONTACT_NOT_FINALISED`")})
    @PostMapping("/api/contacts/{contactId}/addenda")
    ResponseEntity<AddendumWritten> addendum(@PathVariable String contactId, @Valid @RequestBody AddendumBody body,
                                             @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        String addendumId = UUID.randomUUID().toString();
        long version = commands.send(new AddAddendumCommand(id(contactId), addendumId, body.text().trim(),
                                                            body.reason().trim(), Versions.expectedSequence(ifMatch)));
        return ResponseEntity.created(URI.create("/api/contacts/" + contactId)).eTag(Versions.etag(version))
                             .body(new AddendumWritten(contactId, addendumId, version));
    }

    /** {@code value} has the shape of {@code section}'s draft edit ({@link CorrectionValues}). */
    record CorrectionBody(@NotNull ContactSection section, @NotNull JsonNode value,
                          @NotBlank @Size(max = 2_000) String reason) {
    }

    record CorrectionWritten(String contactId, String correctionId, long version) {
    }

    @Operation(summary = "Correct one section of a signed contact, with a reason; the original stays readable")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "Corrected: the correction id and the new version"),
            @ApiResponse(responseCode = "404", description = "No such contact"),
            @ApiResponse(responseCode = "403", description = "`FORBIDDEN_FOR_ROLE`, or `NOT_AUTHOR`: only the author or a manager may change this contact"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CONTACT_NOT_FINALISED`, `CORRECTION_MISMATCH`, `END_BEFORE_START`, `PLAN_NOT_IN_CASE`")})
    @PostMapping("/api/contacts/{contactId}/corrections")
    ResponseEntity<CorrectionWritten> correction(@PathVariable String contactId,
                                                 @Valid @RequestBody CorrectionBody body,
                                                 @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        ContactContent corrected = correctionValues.read(body.section(), body.value()).content(this);
        String correctionId = UUID.randomUUID().toString();
        long version = commands.send(new CorrectContactCommand(id(contactId), correctionId, body.section(), corrected,
                                                               body.reason().trim(), Versions.expectedSequence(ifMatch)));
        return ResponseEntity.created(URI.create("/api/contacts/" + contactId)).eTag(Versions.etag(version))
                             .body(new CorrectionWritten(contactId, correctionId, version));
    }

    record ReasonBody(@NotBlank @Size(max = 2_000) String reason) {
    }

    @Operation(summary = "Discard a draft, with a reason; its events stay in the audit trail")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Discarded: the new version"),
            @ApiResponse(responseCode = "404", description = "No such contact"),
            @ApiResponse(responseCode = "403", description = "`FORBIDDEN_FOR_ROLE`, or `NOT_AUTHOR`: only the author or a manager may change this contact"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CONTACT_FINALISED`, `CONTACT_DISCARDED`")})
    @PostMapping("/api/contacts/{contactId}/discard")
    ResponseEntity<ContactWritten> discard(@PathVariable String contactId, @Valid @RequestBody ReasonBody body,
                                           @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        return written(contactId, commands.send(new DiscardContactCommand(id(contactId), body.reason().trim(),
                                                                          Versions.expectedSequence(ifMatch))));
    }

    /** Checks a start and end as input: an end before the start, or a start in the future, is a 400. */
    Timing timing(Instant startedAt, Instant endedAt) {
        List<FieldError> errors = new ArrayList<>();
        if (startedAt.isAfter(clock.instant().plus(CLOCK_TOLERANCE))) {
            errors.add(new FieldError("startedAt", "must not be in the future: record a contact once it has begun"));
        }
        if (endedAt != null && endedAt.isBefore(startedAt)) {
            errors.add(new FieldError("endedAt", "must not be before startedAt"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return new Timing(startedAt, endedAt);
    }

    static List<Attendee> attendees(List<AttendeeBody> body) {
        return body == null ? List.of() : body.stream().map(AttendeeBody::toAttendee).toList();
    }

    private static ResponseEntity<ContactWritten> written(String contactId, long version) {
        return Versions.ok(version, new ContactWritten(contactId, version));
    }

    private static String id(String contactId) {
        return Ids.require("contact", contactId);
    }

    private static String validSessionId(String sessionId) {
        return Ids.field("sessionId", sessionId);
    }

    static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
