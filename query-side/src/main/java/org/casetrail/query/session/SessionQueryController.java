package org.casetrail.query.session;

import org.casetrail.audit.AuditedRead;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.web.Ids;
import org.casetrail.query.session.SessionViews.CaseSessionsView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/** A case's sessions over HTTP. */
@RestController
class SessionQueryController {

    private final SessionQueries sessions;

    SessionQueryController(SessionQueries sessions) {
        this.sessions = sessions;
    }

    @Operation(summary = "A case's sessions in date order, each with its history")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "The sessions"),
            @ApiResponse(responseCode = "404", description = "No such case")})
    @GetMapping("/api/cases/{caseId}/sessions")
    @AuditedRead(caseId = "caseId")
    CaseSessionsView sessions(@PathVariable String caseId) {
        return sessions.ofCase(Ids.require("case", caseId)).orElseThrow(() -> new NotFound("case", caseId));
    }
}
