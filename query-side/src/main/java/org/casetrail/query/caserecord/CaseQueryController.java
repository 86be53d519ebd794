package org.casetrail.query.caserecord;

import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.casetrail.platform.messaging.Ids;
import org.casetrail.query.caserecord.CaseViews.CasePage;
import org.casetrail.query.caserecord.CaseViews.CaseView;
import org.casetrail.query.caserecord.CaseViews.FindCaseQuery;
import org.casetrail.query.caserecord.CaseViews.FindCasesQuery;
import org.casetrail.query.web.ReadYourWrites;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** api.md "Cases", the reads. */
@RestController
@RequestMapping("/api/cases")
@Validated
class CaseQueryController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    CaseQueryController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping
    CasePage list(@RequestParam(required = false) @Pattern(regexp = "OPEN|CLOSED", message = "must be OPEN or CLOSED")
                  String status,
                  @RequestParam(required = false) String worker,
                  @RequestParam(defaultValue = "0") @Min(0) int page,
                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return queries.query(new FindCasesQuery(status, worker, page, size), CasePage.class).join();
    }

    @GetMapping("/{caseId}")
    ResponseEntity<CaseView> get(@PathVariable String caseId,
                                 @RequestParam(required = false) @Min(1) Long minVersion) {
        String id = Ids.require("case", caseId);
        return readYourWrites.read("case", caseId, minVersion,
                () -> queries.query(new FindCaseQuery(id), ResponseTypes.optionalInstanceOf(CaseView.class)).join(),
                CaseView::version);
    }
}
