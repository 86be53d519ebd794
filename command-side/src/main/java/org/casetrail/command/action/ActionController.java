package org.casetrail.command.action;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.casetrail.command.action.ActionCommands.AssignActionCommand;
import org.casetrail.command.action.ActionCommands.CancelActionCommand;
import org.casetrail.command.action.ActionCommands.CompleteActionCommand;
import org.casetrail.command.action.ActionCommands.ReassignActionCommand;
import org.casetrail.command.action.ActionCommands.RedateActionCommand;
import org.casetrail.command.web.CommandDispatcher;
import org.casetrail.command.web.Versions;
import org.casetrail.events.action.ActionTerm;
import org.casetrail.platform.web.Ids;
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

/** The action writes over HTTP. */
@RestController
class ActionController {

    private final CommandDispatcher commands;

    ActionController(CommandDispatcher commands) {
        this.commands = commands;
    }

    record AssignBody(@NotBlank @Size(max = 10_000) String description, @NotBlank @Size(max = 200) String assignee,
                      @NotNull LocalDate dueDate, @NotNull ActionTerm term, @Size(max = 2_000) String reasonAfterSigning,
                      @Size(max = 2_000) String expectedOutcome) {
    }

    record ActionWritten(String actionId, long version) {
    }

    @Operation(summary = "Assign an action from a contact (heading 6)", description = "Who does it (`assignee`), by when "
            + "(`dueDate`) and, for the recording standard, the outcome it is to be measured by (`expectedOutcome`).")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "Assigned: the action id and version"),
            @ApiResponse(responseCode = "404", description = "No such contact"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CONTACT_DISCARDED`, `CASE_CLOSED`, "
                    + "`REASON_AFTER_SIGNING_REQUIRED` (the contact is signed: give `reasonAfterSigning`), "
                    + "`CONTACT_NOT_SIGNED` (a reason given for a draft)")})
    @PostMapping("/api/contacts/{contactId}/actions")
    ResponseEntity<ActionWritten> assign(@PathVariable String contactId, @Valid @RequestBody AssignBody body) {
        String actionId = UUID.randomUUID().toString();
        long version = commands.create(new AssignActionCommand(actionId, Ids.require("contact", contactId),
                body.description().trim(), body.assignee().trim(), body.dueDate(), body.term(), InputRules.optional(body.reasonAfterSigning()),
                InputRules.optional(body.expectedOutcome())));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(version))
                             .body(new ActionWritten(actionId, version));
    }

    record ReassignBody(@NotBlank @Size(max = 200) String assignee, @NotBlank @Size(max = 2_000) String reason) {
    }

    @Operation(summary = "Reassign an action, with a reason")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Reassigned: the new version"),
            @ApiResponse(responseCode = "404", description = "No such action"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `ACTION_COMPLETED`, `ACTION_CANCELLED`")})
    @PostMapping("/api/actions/{actionId}/reassign")
    ResponseEntity<ActionWritten> reassign(@PathVariable String actionId, @Valid @RequestBody ReassignBody body,
                                           @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        return written(actionId, commands.send(new ReassignActionCommand(id(actionId), body.assignee().trim(),
                body.reason().trim(), Versions.expectedSequence(ifMatch))));
    }

    record RedateBody(@NotNull LocalDate dueDate, @NotBlank @Size(max = 2_000) String reason) {
    }

    @Operation(summary = "Change an action's due date, with a reason")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Re-dated: the new version"),
            @ApiResponse(responseCode = "404", description = "No such action"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `ACTION_COMPLETED`, `ACTION_CANCELLED`")})
    @PostMapping("/api/actions/{actionId}/due-date")
    ResponseEntity<ActionWritten> redate(@PathVariable String actionId, @Valid @RequestBody RedateBody body,
                                         @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        return written(actionId, commands.send(new RedateActionCommand(id(actionId), body.dueDate(),
                body.reason().trim(), Versions.expectedSequence(ifMatch))));
    }

    record CompleteBody(@NotBlank String contactId, @NotBlank @Size(max = 10_000) String outcome) {
    }

    @Operation(summary = "Complete an action, with its outcome and the contact it was done in")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Completed: the new version"),
            @ApiResponse(responseCode = "404", description = "No such action"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `ACTION_COMPLETED`, `ACTION_CANCELLED`, `CONTACT_DISCARDED`, `CONTACT_NOT_IN_CASE`")})
    @PostMapping("/api/actions/{actionId}/complete")
    ResponseEntity<ActionWritten> complete(@PathVariable String actionId, @Valid @RequestBody CompleteBody body,
                                           @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        return written(actionId, commands.send(new CompleteActionCommand(id(actionId),
                Ids.field("contactId", body.contactId()), body.outcome().trim(), Versions.expectedSequence(ifMatch))));
    }

    record ReasonBody(@NotBlank @Size(max = 2_000) String reason) {
    }

    @Operation(summary = "Cancel an action, with a reason")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Cancelled: the new version"),
            @ApiResponse(responseCode = "404", description = "No such action"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `ACTION_COMPLETED`, `ACTION_CANCELLED`")})
    @PostMapping("/api/actions/{actionId}/cancel")
    ResponseEntity<ActionWritten> cancel(@PathVariable String actionId, @Valid @RequestBody ReasonBody body,
                                         @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        return written(actionId, commands.send(new CancelActionCommand(id(actionId), body.reason().trim(),
                                                                       Versions.expectedSequence(ifMatch))));
    }

    private static ResponseEntity<ActionWritten> written(String actionId, long version) {
        return Versions.ok(version, new ActionWritten(actionId, version));
    }

    private static String id(String actionId) {
        return Ids.require("action", actionId);
    }
}
