package org.casetrail.query.action;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.casetrail.audit.AuditedRead;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.web.Ids;
import org.casetrail.query.action.ActionViews.ActionPageView;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/** Outstanding work over HTTP, by assignee and by case. */
@RestController
@Validated
class ActionQueryController {

    private final ActionQueries actions;
    private final Clock clock;
    private final CasetrailProperties properties;

    ActionQueryController(ActionQueries actions, Clock clock, CasetrailProperties properties) {
        this.actions = actions;
        this.clock = clock;
        this.properties = properties;
    }

    @Operation(summary = "Actions across every contact, by status, assignee and case; overdue ones flagged")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "A page of actions by due date")})
    @GetMapping("/api/actions")
    @AuditedRead(caseId = "caseId")
    ActionPageView actions(@RequestParam(required = false)
                           @Pattern(regexp = "OUTSTANDING|OVERDUE|COMPLETED|CANCELLED",
                                    message = "must be OUTSTANDING, OVERDUE, COMPLETED or CANCELLED") String status,
                           @RequestParam(required = false) String assignee,
                           @RequestParam(required = false) String caseId,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        String id = caseId == null ? null : Ids.field("caseId", caseId);
        return actions.actions(status, assignee, id, today, page, size);
    }
}
