package org.casetrail.command.guidance;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.casetrail.command.guidance.GuidanceCommands.GiveGuidanceCommand;
import org.casetrail.command.guidance.GuidanceCommands.RequestGuidanceCommand;
import org.casetrail.command.web.CommandDispatcher;
import org.casetrail.command.web.Versions;
import org.casetrail.events.guidance.Urgency;
import org.casetrail.platform.web.Ids;
import org.casetrail.platform.web.InputRules;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/** The manager guidance writes over HTTP. */
@RestController
class GuidanceController {

    private final CommandDispatcher commands;

    GuidanceController(CommandDispatcher commands) {
        this.commands = commands;
    }

    record GuidanceRequestBody(@NotBlank @Size(max = 10_000) String question, @NotNull Urgency urgency,
                               @Size(max = 2_000) String reasonAfterSigning) {
    }

    record GuidanceWritten(String requestId, long version) {
    }

    @Operation(summary = "Ask a manager for guidance from a contact (heading 6)")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "Requested: the request id and version"),
            @ApiResponse(responseCode = "404", description = "No such contact"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CONTACT_DISCARDED`, `CASE_CLOSED`, "
                    + "`REASON_AFTER_SIGNING_REQUIRED` (the contact is signed: give `reasonAfterSigning`), "
                    + "`CONTACT_NOT_SIGNED` (a reason given for a draft)")})
    @PostMapping("/api/contacts/{contactId}/guidance-requests")
    ResponseEntity<GuidanceWritten> request(@PathVariable String contactId, @Valid @RequestBody GuidanceRequestBody body) {
        String requestId = UUID.randomUUID().toString();
        long version = commands.create(new RequestGuidanceCommand(requestId, Ids.require("contact", contactId),
                                                                  body.question().trim(), body.urgency(),
                                                                  InputRules.optional(body.reasonAfterSigning())));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(version))
                             .body(new GuidanceWritten(requestId, version));
    }

    record GuidanceResponseBody(@NotBlank @Size(max = 10_000) String guidance) {
    }

    @Operation(summary = "Answer a request for guidance (managers only)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Answered: the new version"),
            @ApiResponse(responseCode = "403", description = "`FORBIDDEN_FOR_ROLE` or `MANAGER_ONLY`"),
            @ApiResponse(responseCode = "404", description = "No such guidance request"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `GUIDANCE_ALREADY_GIVEN`")})
    @PostMapping("/api/guidance-requests/{requestId}/response")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<GuidanceWritten> respond(@PathVariable String requestId, @Valid @RequestBody GuidanceResponseBody body,
                                            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        long version = commands.send(new GiveGuidanceCommand(Ids.require("guidance request", requestId),
                                                             body.guidance().trim(), Versions.expectedSequence(ifMatch)));
        return Versions.ok(version, new GuidanceWritten(requestId, version));
    }
}
