package org.casetrail.query.subjectaccess;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.casetrail.audit.AuditedRead;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.web.Ids;
import org.casetrail.web.PageController;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Everything held about a service user, downloaded from a browser (managers and auditors, by the page security). */
@PageController
class SubjectAccessPages {

    private final SubjectAccessQueries subjectAccess;
    private final ObjectMapper json;

    SubjectAccessPages(SubjectAccessQueries subjectAccess, ObjectMapper json) {
        this.subjectAccess = subjectAccess;
        this.json = json;
    }

    @GetMapping("/cases/{caseId}/subject-access")
    @AuditedRead(caseId = "caseId")
    void download(@PathVariable String caseId, HttpServletResponse response) throws IOException {
        var everything = subjectAccess.everything(Ids.require("case", caseId))
                                      .orElseThrow(() -> new NotFound("case", caseId));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"subject-access-" + caseId + ".json\"");
        json.writerWithDefaultPrettyPrinter().writeValue(response.getOutputStream(), everything);
    }
}
