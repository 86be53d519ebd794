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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** api.md "Manager guidance", the writes. */
@RestController
class GuidanceController {

    private final CommandDispatcher commands;

    GuidanceController(CommandDispatcher commands) {
        this.commands = commands;
    }

    record GuidanceRequestBody(@NotBlank @Size(max = 10_000) String question, @NotNull Urgency urgency) {
    }

    record GuidanceWritten(String requestId, long version) {
    }

    @PostMapping("/api/contacts/{contactId}/guidance-requests")
    ResponseEntity<GuidanceWritten> request(@PathVariable String contactId, @Valid @RequestBody GuidanceRequestBody body) {
        String requestId = UUID.randomUUID().toString();
        long version = commands.create(new RequestGuidanceCommand(requestId, Ids.require("contact", contactId),
                                                                  body.question().trim(), body.urgency()));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(version))
                             .body(new GuidanceWritten(requestId, version));
    }

    record GuidanceResponseBody(@NotBlank @Size(max = 10_000) String guidance) {
    }

    @PostMapping("/api/guidance-requests/{requestId}/response")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<GuidanceWritten> respond(@PathVariable String requestId, @Valid @RequestBody GuidanceResponseBody body,
                                            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        long version = commands.send(new GiveGuidanceCommand(Ids.require("guidance request", requestId),
                                                             body.guidance().trim(), Versions.expectedSequence(ifMatch)));
        return Versions.ok(version, new GuidanceWritten(requestId, version));
    }
}
