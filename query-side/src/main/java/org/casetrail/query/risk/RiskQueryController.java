package org.casetrail.query.risk;

import jakarta.validation.constraints.Pattern;

import org.casetrail.audit.AuditedRead;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.web.Ids;
import org.casetrail.query.risk.RiskViews.RiskRegisterView;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/** The risk register over HTTP. */
@RestController
@Validated
class RiskQueryController {

    private final RiskQueries risks;

    RiskQueryController(RiskQueries risks) {
        this.risks = risks;
    }

    @Operation(summary = "A case's risk register, with reviews")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "The risks, oldest first"),
            @ApiResponse(responseCode = "404", description = "No such case")})
    @GetMapping("/api/cases/{caseId}/risks")
    @AuditedRead(caseId = "caseId")
    RiskRegisterView register(@PathVariable String caseId,
                              @RequestParam(required = false)
                              @Pattern(regexp = "OPEN|CLOSED", message = "must be OPEN or CLOSED") String status) {
        return risks.register(Ids.require("case", caseId), status).orElseThrow(() -> new NotFound("case", caseId));
    }
}
