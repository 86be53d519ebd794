package org.casetrail.query.caserecord;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.casetrail.audit.AuditedRead;
import org.casetrail.platform.web.Ids;
import org.casetrail.query.caserecord.CaseViews.CasePage;
import org.casetrail.query.caserecord.CaseViews.CaseView;
import org.casetrail.query.web.ReadYourWrites;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/** The case reads over HTTP. */
@RestController
@RequestMapping("/api/cases")
@Validated
class CaseQueryController {

    private final CaseQueries cases;
    private final ReadYourWrites readYourWrites;

    CaseQueryController(CaseQueries cases, ReadYourWrites readYourWrites) {
        this.cases = cases;
        this.readYourWrites = readYourWrites;
    }

    @Operation(summary = "List cases, newest first, by status and allocated worker")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "A page of cases")})
    @GetMapping
    @AuditedRead
    CasePage list(@RequestParam(required = false) @Pattern(regexp = "OPEN|CLOSED", message = "must be OPEN or CLOSED")
                  String status,
                  @RequestParam(required = false) String worker,
                  @RequestParam(defaultValue = "0") @Min(0) int page,
                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return cases.list(status, worker, page, size);
    }

    @Operation(summary = "Read a case: service user, plan type, worker, plans, status history, counts")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "The case, with its version in `ETag`"),
            @ApiResponse(responseCode = "404", description = "No such case")})
    @GetMapping("/{caseId}")
    @AuditedRead(caseId = "caseId")
    ResponseEntity<CaseView> get(@PathVariable String caseId,
                                 @RequestParam(required = false) @Min(1) Long minVersion) {
        String id = Ids.require("case", caseId);
        return readYourWrites.read("case", caseId, minVersion, () -> cases.find(id), CaseView::version);
    }
}
