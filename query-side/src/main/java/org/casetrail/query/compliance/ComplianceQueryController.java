package org.casetrail.query.compliance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.casetrail.audit.AuditedRead;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.web.Params;
import org.casetrail.query.compliance.ComplianceViews.RecordingReportView;
import org.casetrail.query.compliance.ComplianceViews.VisitReportView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/** The compliance reports over HTTP. */
@RestController
class ComplianceQueryController {

    private final ComplianceQueries compliance;
    private final Clock clock;
    private final ZoneId zone;

    ComplianceQueryController(ComplianceQueries compliance, Clock clock, CasetrailProperties properties) {
        this.compliance = compliance;
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    @Operation(summary = "Each open case against its home visit standard, as at a date")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "The report")})
    @GetMapping("/api/compliance/visits")
    @AuditedRead
    VisitReportView visits(@RequestParam(required = false) String asOf) {
        return compliance.visits(asOf == null ? LocalDate.now(clock.withZone(zone)) : Params.date("asOf", asOf));
    }

    @Operation(summary = "Late entries, old drafts, open risks without action and guidance waiting too long")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "The report")})
    @GetMapping("/api/compliance/recording")
    @AuditedRead
    RecordingReportView recording() {
        return compliance.recording(clock.instant());
    }
}
