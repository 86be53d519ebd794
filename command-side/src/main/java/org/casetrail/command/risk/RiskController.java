package org.casetrail.command.risk;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.casetrail.command.risk.RiskCommands.CloseRiskCommand;
import org.casetrail.command.risk.RiskCommands.IdentifyRiskCommand;
import org.casetrail.command.risk.RiskCommands.ReviewRiskCommand;
import org.casetrail.command.web.CommandDispatcher;
import org.casetrail.command.web.Versions;
import org.casetrail.events.risk.Professional;
import org.casetrail.events.risk.RiskAspect;
import org.casetrail.events.risk.RiskCategory;
import org.casetrail.events.risk.Severity;
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

/** The risk writes over HTTP (the operations are described in the OpenAPI document). */
@RestController
class RiskController {

    private final CommandDispatcher commands;

    RiskController(CommandDispatcher commands) {
        this.commands = commands;
    }

    record ProfessionalBody(@NotBlank @Size(max = 200) String name, @Size(max = 200) String organisation,
                            @Size(max = 200) String role) {
    }

    record IdentifyBody(@NotNull RiskCategory category, @NotEmpty @Size(max = 3) List<@NotNull RiskAspect> aspects,
                        @NotBlank @Size(max = 10_000) String description, @NotNull Severity severity,
                        @Size(max = 20) List<@NotNull @Valid ProfessionalBody> professionalsInvolved,
                        @Size(max = 2_000) String reasonAfterSigning) {
    }

    record RiskWritten(String riskId, long version) {
    }

    @Operation(summary = "Record a risk identified in a contact (heading 5)")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "Identified: the risk id and version"),
            @ApiResponse(responseCode = "404", description = "No such contact"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CONTACT_DISCARDED`, `CASE_CLOSED`, "
                    + "`REASON_AFTER_SIGNING_REQUIRED` (the contact is signed: give `reasonAfterSigning`), "
                    + "`CONTACT_NOT_SIGNED` (a reason given for a draft)")})
    @PostMapping("/api/contacts/{contactId}/risks")
    ResponseEntity<RiskWritten> identify(@PathVariable String contactId, @Valid @RequestBody IdentifyBody body) {
        String riskId = UUID.randomUUID().toString();
        List<Professional> professionals = body.professionalsInvolved() == null ? List.of()
                : body.professionalsInvolved().stream()
                      .map(p -> new Professional(p.name().trim(), p.organisation(), p.role())).toList();
        long version = commands.create(new IdentifyRiskCommand(riskId, Ids.require("contact", contactId),
                body.category(), body.aspects().stream().distinct().toList(), body.description().trim(),
                body.severity(), professionals, InputRules.optional(body.reasonAfterSigning())));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(version)).body(new RiskWritten(riskId, version));
    }

    record ReviewBody(@NotBlank String contactId, @NotBlank @Size(max = 10_000) String note, @NotNull Severity severity) {
    }

    @Operation(summary = "Review a risk in a later contact, optionally re-grading it")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "Reviewed: the new version"),
            @ApiResponse(responseCode = "404", description = "No such risk"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `RISK_CLOSED`, `CONTACT_DISCARDED`, `CONTACT_NOT_IN_CASE`")})
    @PostMapping("/api/risks/{riskId}/reviews")
    ResponseEntity<RiskWritten> review(@PathVariable String riskId, @Valid @RequestBody ReviewBody body,
                                       @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        long version = commands.send(new ReviewRiskCommand(Ids.require("risk", riskId),
                Ids.field("contactId", body.contactId()), body.note().trim(), body.severity(),
                Versions.expectedSequence(ifMatch)));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(version)).body(new RiskWritten(riskId, version));
    }

    record ReasonBody(@NotBlank @Size(max = 2_000) String reason) {
    }

    @Operation(summary = "Close a risk, with a reason")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Closed: the new version"),
            @ApiResponse(responseCode = "404", description = "No such risk"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `RISK_CLOSED`")})
    @PostMapping("/api/risks/{riskId}/close")
    ResponseEntity<RiskWritten> close(@PathVariable String riskId, @Valid @RequestBody ReasonBody body,
                                      @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        long version = commands.send(new CloseRiskCommand(Ids.require("risk", riskId), body.reason().trim(),
                                                          Versions.expectedSequence(ifMatch)));
        return Versions.ok(version, new RiskWritten(riskId, version));
    }
}
