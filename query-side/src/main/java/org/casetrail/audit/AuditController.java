package org.casetrail.audit;

import java.sql.SQLException;
import java.util.HexFormat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.casetrail.audit.AuditViews.EntryPageView;
import org.casetrail.audit.AuditViews.VerificationView;
import org.casetrail.audit.Checkpoints.CheckpointView;
import org.casetrail.audit.verify.AuditVerifier;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.web.Ids;
import org.casetrail.platform.web.InvalidFields;
import org.casetrail.platform.web.Params;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/** The audit trail of every event and read, its verification and its signed checkpoints, over HTTP. */
@RestController
@Validated
class AuditController {

    private final AuditQueries audit;
    private final Checkpoints checkpoints;

    AuditController(AuditQueries audit, Checkpoints checkpoints) {
        this.audit = audit;
        this.checkpoints = checkpoints;
    }

    @Operation(summary = "The audit trail of every event and read, by case, actor and time (managers, auditors)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "A page of the trail in recording order")})
    @GetMapping("/api/audit")
    @AuditedRead(caseId = "caseId")
    @PreAuthorize("hasAnyRole('AUDITOR', 'MANAGER')")
    EntryPageView entries(@RequestParam(required = false) String caseId,
                          @RequestParam(required = false) String actor,
                          @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to,
                          @RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "200") @Min(1) @Max(5000) int size) {
        return audit.entries(caseId == null ? null : Ids.field("caseId", caseId), actor,
                             from == null ? null : Params.instant("from", from),
                             to == null ? null : Params.instant("to", to), page, size);
    }

    /**
     * Recomputes the chain. With {@code position} and {@code hash} (an earlier checkpoint an outsider holds) it
     * also proves the chain still passes through it; without, it holds the chain to the latest stored checkpoint.
     */
    @Operation(summary = "Recompute the audit chain and report its first break (managers, auditors)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Whether the chain verifies, and where it first breaks")})
    @GetMapping("/api/audit/verify")
    @AuditedRead
    @PreAuthorize("hasAnyRole('AUDITOR', 'MANAGER')")
    VerificationView verify(@RequestParam(required = false) @Min(1) Long position,
                            @RequestParam(required = false) String hash) throws SQLException {
        AuditVerifier.Checkpoint checkpoint = null;
        if (position != null || hash != null) {
            if (position == null || hash == null) {
                throw new InvalidFields(position == null ? "position" : "hash", "is needed with the other");
            }
            try {
                checkpoint = new AuditVerifier.Checkpoint(position, HexFormat.of().parseHex(hash.trim()));
            } catch (IllegalArgumentException e) {
                throw new InvalidFields("hash", "must be the checkpoint's head hash in hex");
            }
        }
        return audit.verify(checkpoint);
    }

    @Operation(summary = "The latest signed checkpoint of the audit chain, with the public key")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "The checkpoint"),
            @ApiResponse(responseCode = "404", description = "No checkpoint signed yet")})
    @GetMapping("/api/audit/checkpoints/latest")
    @AuditedRead
    CheckpointView latestCheckpoint() {
        return checkpoints.latest().orElseThrow(() -> new NotFound("checkpoint", "latest"));
    }

    @Operation(summary = "Sign the audit chain's head now (managers, auditors)")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "The new checkpoint"),
            @ApiResponse(responseCode = "404", description = "The chain is empty")})
    @PostMapping("/api/audit/checkpoints")
    ResponseEntity<CheckpointView> checkpoint() {
        return checkpoints.create()
                .map(view -> ResponseEntity.status(HttpStatus.CREATED).body(view))
                .orElseThrow(() -> new NotFound("audit chain head", "(the chain is empty)"));
    }
}
