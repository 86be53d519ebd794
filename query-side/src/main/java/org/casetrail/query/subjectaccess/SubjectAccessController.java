package org.casetrail.query.subjectaccess;

import java.util.Map;

import org.casetrail.audit.AuditedRead;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.web.Ids;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/** Subject access over HTTP (MANAGER and AUDITOR only, by the role rules). */
@RestController
class SubjectAccessController {

    private final SubjectAccessQueries subjectAccess;

    SubjectAccessController(SubjectAccessQueries subjectAccess) {
        this.subjectAccess = subjectAccess;
    }

    @Operation(summary = "Everything held about a service user, for a subject access request (managers, auditors)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Every part of the record as stored, with who has read it"),
            @ApiResponse(responseCode = "404", description = "No such case")})
    @GetMapping("/api/cases/{caseId}/subject-access")
    @AuditedRead(caseId = "caseId")
    Map<String, Object> everything(@PathVariable String caseId) {
        return subjectAccess.everything(Ids.require("case", caseId)).orElseThrow(() -> new NotFound("case", caseId));
    }
}
