package org.casetrail.query.guidance;

import jakarta.validation.constraints.Pattern;

import org.casetrail.audit.AuditedRead;
import org.casetrail.platform.web.Ids;
import org.casetrail.query.guidance.GuidanceViews.GuidanceQueueView;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/** The guidance queue over HTTP. */
@RestController
@Validated
class GuidanceQueryController {

    private final GuidanceQueries guidance;

    GuidanceQueryController(GuidanceQueries guidance) {
        this.guidance = guidance;
    }

    @Operation(summary = "Requests for manager guidance, oldest first, by status and case")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "The queue")})
    @GetMapping("/api/guidance-requests")
    @AuditedRead(caseId = "caseId")
    GuidanceQueueView requests(@RequestParam(required = false)
                               @Pattern(regexp = "AWAITING|ANSWERED", message = "must be AWAITING or ANSWERED")
                               String status,
                               @RequestParam(required = false) String caseId) {
        String id = caseId == null ? null : Ids.field("caseId", caseId);
        return guidance.requests(status, id, null);
    }
}
