package org.casetrail.query.subjectaccess;

import java.util.Map;

import org.casetrail.audit.AuditedRead;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.web.Ids;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Subject access over HTTP (MANAGER and AUDITOR only, by the role rules). */
@RestController
class SubjectAccessController {

    private final SubjectAccessQueries subjectAccess;

    SubjectAccessController(SubjectAccessQueries subjectAccess) {
        this.subjectAccess = subjectAccess;
    }

    @GetMapping("/api/cases/{caseId}/subject-access")
    @AuditedRead(caseId = "caseId")
    Map<String, Object> everything(@PathVariable String caseId) {
        return subjectAccess.everything(Ids.require("case", caseId)).orElseThrow(() -> new NotFound("case", caseId));
    }
}
