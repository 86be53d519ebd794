package org.casetrail.query.quality;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Min;

import org.casetrail.audit.AuditedRead;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.request.TimeZones;
import org.casetrail.platform.web.Ids;
import org.casetrail.platform.web.InvalidFields;
import org.casetrail.platform.web.Params;
import org.casetrail.query.quality.QualityViews.ContactQualityView;
import org.casetrail.query.quality.QualityViews.QualityReportView;
import org.casetrail.query.web.ReadYourWrites;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/** Recording quality over HTTP: one contact's checklist, and the report over a period (JSON or CSV). */
@RestController
@Validated
class QualityQueryController {

    private final QualityQueries quality;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;
    private final ZoneId zone;

    QualityQueryController(QualityQueries quality, ReadYourWrites readYourWrites, Clock clock,
                           CasetrailProperties properties) {
        this.quality = quality;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    @Operation(summary = "A contact against the recording standard: the seven steps, each met or not and why, and "
            + "whether it was written down in time; now or as it stood at `asOf` (`minVersion` waits for the contact's "
            + "version, as its read does)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "The checklist"),
            @ApiResponse(responseCode = "404", description = "No such contact (then)")})
    @GetMapping("/api/contacts/{contactId}/quality")
    @AuditedRead(recordId = "contactId")
    ResponseEntity<ContactQualityView> contact(@PathVariable String contactId,
                                               @RequestParam(required = false) String asOf,
                                               @RequestParam(required = false) @Min(1) Long minVersion) {
        String id = Ids.require("contact", contactId);
        Instant at = asOf == null ? null : Params.instant("asOf", asOf);
        return readYourWrites.read(at == null ? "contact" : "contact as it stood then", contactId, minVersion,
                                   () -> quality.contact(id, at), ContactQualityView::version);
    }

    @Operation(summary = "Recording quality over a period, by worker and by case: JSON, or CSV by `Accept: text/csv` "
            + "(`rows=contacts` for the contacts behind the figures)", description = "Signed contacts that took place "
            + "from `from` to `to` (dates, inclusive; default the last 30 days), of the `worker`s given (repeat it for a "
            + "team, at most 100) or one `caseId`: the share meeting all seven steps, the step most often missed, late recordings and home "
            + "visits that kept the case's visit frequency, each with the contacts behind it, and the standard "
            + "measured against.")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "The report"),
            @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: a date that is not one, `to` before `from`, or over 366 days")})
    @GetMapping("/api/reports/recording-quality")
    @AuditedRead(caseId = "caseId")
    ResponseEntity<?> report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) List<String> worker,
                             @RequestParam(required = false) String caseId,
                             @RequestParam(required = false) String rows,
                             @RequestHeader(name = "Accept", required = false) String accept) {
        ReportPeriod period = ReportPeriod.of(from, to, LocalDate.now(clock.withZone(zone)));
        if (rows != null && !rows.equals("figures") && !rows.equals("contacts")) {
            throw new InvalidFields("rows", "must be figures or contacts");
        }
        QualityReportView report = quality.report(period.from(), period.to(), ReportPeriod.workers(worker),
                caseId == null ? null : Ids.field("caseId", caseId));
        String wanted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (wanted.contains("text/csv")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                                 .body("contacts".equals(rows) ? QualityCsv.contacts(report, TimeZones.current(zone))
                                                                : QualityCsv.figures(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }
}
