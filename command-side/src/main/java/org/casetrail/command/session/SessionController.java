package org.casetrail.command.session;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.casetrail.command.session.SessionCommands.BookSessionCommand;
import org.casetrail.command.session.SessionCommands.CancelSessionCommand;
import org.casetrail.command.session.SessionCommands.RecordMissedSessionCommand;
import org.casetrail.command.session.SessionCommands.RecordNoAccessCommand;
import org.casetrail.command.session.SessionCommands.RescheduleSessionCommand;
import org.casetrail.command.web.CommandDispatcher;
import org.casetrail.command.web.Versions;
import org.casetrail.events.contact.Setting;
import org.casetrail.events.contact.SettingType;
import org.casetrail.platform.web.Ids;
import org.casetrail.platform.web.InvalidFields;
import org.casetrail.platform.web.InputRules;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/** The session writes over HTTP. Drafting a contact with a sessionId marks the session held. */
@RestController
class SessionController {

    private final CommandDispatcher commands;

    private final Clock clock;

    SessionController(CommandDispatcher commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** A booking or a move into the past is a 400: what has already taken place is recorded as a contact. */
    private void requireAhead(Instant scheduledFor) {
        if (SessionTimes.inThePast(scheduledFor, clock)) {
            throw new InvalidFields("scheduledFor", SessionTimes.IN_THE_PAST);
        }
    }

    record SettingBody(@NotNull SettingType type, @Size(max = 500) String location) {
    }

    record BookBody(@NotNull Instant scheduledFor, @NotNull @Valid SettingBody setting,
                    @Size(max = 2_000) String focus, @Size(max = 2_000) String reasonAfterSigning) {
    }

    record SessionWritten(String sessionId, long version) {
    }

    @Operation(summary = "Book the next session from a contact (heading 7)")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "Booked: the session id and version"),
            @ApiResponse(responseCode = "400", description = "Invalid input, or `scheduledFor` not in the future"),
            @ApiResponse(responseCode = "404", description = "No such contact"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CONTACT_DISCARDED`, `CASE_CLOSED`, "
                    + "`REASON_AFTER_SIGNING_REQUIRED` (the contact is signed: give `reasonAfterSigning`), "
                    + "`CONTACT_NOT_SIGNED` (a reason given for a draft)")})
    @PostMapping("/api/contacts/{contactId}/next-session")
    ResponseEntity<SessionWritten> book(@PathVariable String contactId, @Valid @RequestBody BookBody body) {
        String sessionId = UUID.randomUUID().toString();
        requireAhead(body.scheduledFor());
        long version = commands.create(new BookSessionCommand(sessionId, Ids.require("contact", contactId),
                body.scheduledFor(), new Setting(body.setting().type(), body.setting().location()), body.focus(),
                InputRules.optional(body.reasonAfterSigning())));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(version))
                             .body(new SessionWritten(sessionId, version));
    }

    record RescheduleBody(@NotNull Instant scheduledFor, @NotBlank @Size(max = 2_000) String reason) {
    }

    @Operation(summary = "Move a booked session, with a reason")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Moved: the new version"),
            @ApiResponse(responseCode = "404", description = "No such session"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `SESSION_NOT_BOOKED`")})
    @PostMapping("/api/sessions/{sessionId}/reschedule")
    ResponseEntity<SessionWritten> reschedule(@PathVariable String sessionId, @Valid @RequestBody RescheduleBody body,
                                              @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        requireAhead(body.scheduledFor());
        return written(sessionId, commands.send(new RescheduleSessionCommand(id(sessionId), body.scheduledFor(),
                body.reason().trim(), Versions.expectedSequence(ifMatch))));
    }

    record ReasonBody(@NotBlank @Size(max = 2_000) String reason) {
    }

    @Operation(summary = "Cancel a booked session, with a reason")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Cancelled: the new version"),
            @ApiResponse(responseCode = "404", description = "No such session"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `SESSION_NOT_BOOKED`")})
    @PostMapping("/api/sessions/{sessionId}/cancel")
    ResponseEntity<SessionWritten> cancel(@PathVariable String sessionId, @Valid @RequestBody ReasonBody body,
                                          @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        return written(sessionId, commands.send(new CancelSessionCommand(id(sessionId), body.reason().trim(),
                                                                         Versions.expectedSequence(ifMatch))));
    }

    record NoAccessBody(@NotNull Instant attemptedAt, @Size(max = 10_000) String note) {
    }

    @Operation(summary = "Record that a booked visit found no access")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Recorded: the new version"),
            @ApiResponse(responseCode = "404", description = "No such session"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `SESSION_NOT_BOOKED`")})
    @PostMapping("/api/sessions/{sessionId}/no-access")
    ResponseEntity<SessionWritten> noAccess(@PathVariable String sessionId, @Valid @RequestBody NoAccessBody body,
                                            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        return written(sessionId, commands.send(new RecordNoAccessCommand(id(sessionId), body.attemptedAt(),
                body.note(), Versions.expectedSequence(ifMatch))));
    }

    record NoteBody(@Size(max = 10_000) String note) {
    }

    @Operation(summary = "Record that a booked session was missed")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Recorded: the new version"),
            @ApiResponse(responseCode = "404", description = "No such session"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `SESSION_NOT_BOOKED`")})
    @PostMapping("/api/sessions/{sessionId}/missed")
    ResponseEntity<SessionWritten> missed(@PathVariable String sessionId, @Valid @RequestBody NoteBody body,
                                          @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        return written(sessionId, commands.send(new RecordMissedSessionCommand(id(sessionId), body.note(),
                                                                               Versions.expectedSequence(ifMatch))));
    }

    private static ResponseEntity<SessionWritten> written(String sessionId, long version) {
        return Versions.ok(version, new SessionWritten(sessionId, version));
    }

    private static String id(String sessionId) {
        return Ids.require("session", sessionId);
    }
}
