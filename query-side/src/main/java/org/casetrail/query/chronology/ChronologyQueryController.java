package org.casetrail.query.chronology;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.casetrail.audit.AuditedRead;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.request.TimeZones;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.time.Times;
import org.casetrail.platform.web.Ids;
import org.casetrail.platform.web.InvalidFields;
import org.casetrail.platform.web.Params;
import org.casetrail.query.chronology.ChronologyViews.ChronologyView;
import org.casetrail.query.chronology.ChronologyViews.FindChronologyQuery;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/** The chronology over HTTP (JSON, CSV or PDF) and the court bundle. */
@RestController
class ChronologyQueryController {

    private final ChronologyQueries chronologies;
    private final ZoneId zone;
    private final CasePdfs pdfs;
    private final Clock clock;

    ChronologyQueryController(ChronologyQueries chronologies, CasetrailProperties properties, CasePdfs pdfs,
                              Clock clock) {
        this.chronologies = chronologies;
        this.zone = properties.timeZone();
        this.pdfs = pdfs;
        this.clock = clock;
    }

    /**
     * One path, three forms, chosen by {@code Accept}: {@code application/pdf}, {@code text/csv}, else JSON.
     * (Left to content negotiation, a client accepting anything could get any of the three.)
     */
    @Operation(summary = "A case's chronology now or as of an instant, filtered and paged; JSON, CSV or PDF by `Accept`")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "The entries with their digest (also in `X-Chronology-Digest`)"),
            @ApiResponse(responseCode = "404", description = "No such case")})
    @GetMapping("/api/cases/{caseId}/chronology")
    @AuditedRead(caseId = "caseId")
    ResponseEntity<?> chronology(@PathVariable String caseId, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(required = false) List<String> category,
                                 @RequestParam(required = false) String asOf,
                                 @RequestParam(required = false) String after,
                                 @RequestParam(required = false) String limit,
                                 @RequestParam(required = false) String significant,
                                 @RequestHeader(name = "Accept", required = false) String accept,
                                 HttpServletResponse response) throws IOException {
        ChronologyView view = find(caseId, from, to, category, asOf, after == null ? 0 : count("after", after, 0),
                                   limit == null ? null : count("limit", limit, 1), significantOnly(significant));
        String wanted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (wanted.contains(MediaType.APPLICATION_PDF_VALUE)) {
            // Written here, straight to the response, as the bundle is; nothing further to return.
            response.setContentType(MediaType.APPLICATION_PDF_VALUE);
            response.setHeader("Content-Disposition", "inline; filename=\"chronology-" + caseId + ".pdf\"");
            response.setHeader("X-Chronology-Digest", view.digest());
            pdfs.chronology(view, clock.instant(), CurrentUser.require().username(), TimeZones.current(zone),
                            response.getOutputStream());
            return null;
        }
        if (wanted.contains("text/csv")) {
            return ResponseEntity.ok()
                                 .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                                 .header("X-Chronology-Digest", view.digest())
                                 .body(ChronologyCsv.write(view, TimeZones.current(zone)));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view);
    }

    /** The court bundle: the chronology and every contact in full as it stood, streamed page by page. */
    @Operation(summary = "The court bundle as of an instant: chronology and every contact in full, as a PDF (managers, auditors)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "The PDF, streamed"),
            @ApiResponse(responseCode = "404", description = "No such case, or none yet at `asOf`")})
    @GetMapping(path = "/api/cases/{caseId}/bundle")
    @AuditedRead(caseId = "caseId")
    ResponseEntity<StreamingResponseBody> bundle(@PathVariable String caseId,
                                                 @RequestParam(required = false) String asOf) {
        String id = Ids.require("case", caseId);
        ChronologyView view = chronologies.bundle(id, asOf == null ? null : Params.instant("asOf", asOf))
                .orElseThrow(() -> new NotFound("case as of that moment", caseId));
        return printed(view, "attachment; filename=\"bundle-" + caseId + ".pdf\"", pdfs::bundle);
    }

    private interface Printer {
        void print(ChronologyView view, Instant producedAt, String producedBy, ZoneId zone, OutputStream out);
    }

    /** A PDF written straight to the response, signed off with who produced it, when and in which zone. */
    private ResponseEntity<StreamingResponseBody> printed(ChronologyView view, String disposition, Printer printer) {
        String user = CurrentUser.require().username();
        ZoneId shown = TimeZones.current(zone);
        Instant now = clock.instant();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                             .header("Content-Disposition", disposition)
                             .header("X-Chronology-Digest", view.digest())
                             .body(out -> printer.print(view, now, user, shown, out));
    }

    /** {@code significant=true} keeps the entries marked significant; {@code false} or none keeps every entry. */
    private static boolean significantOnly(String significant) {
        if (significant == null || significant.equalsIgnoreCase("false")) {
            return false;
        }
        if (significant.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidFields("significant", "must be true or false");
    }

    private ChronologyView find(String caseId, String from, String to, List<String> category, String asOf,
                                int after, Integer limit, boolean significantOnly) {
        String id = Ids.require("case", caseId);
        var query = new FindChronologyQuery(id, bound("from", from, false), bound("to", to, true),
                                            categories(category), asOf == null ? null : Params.instant("asOf", asOf),
                                            after, limit, significantOnly);
        return chronologies.find(query).orElseThrow(() -> new NotFound("case", caseId));
    }

    /** A whole number from {@code least} up to 1,000,000. */
    private static int count(String field, String value, int least) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= least && number <= 1_000_000) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new InvalidFields(field, "must be a whole number from " + least + " to 1000000");
    }

    /** A date (the whole day, in the service's zone: "to" includes it) or an instant with an offset. */
    private Instant bound(String field, String value, boolean end) {
        if (value == null) {
            return null;
        }
        if (value.trim().length() == 10) {
            LocalDate date = Params.date(field, value);
            return Times.startOfDay(end ? Times.dayAfter(date) : date, zone);
        }
        return Params.instant(field, value);
    }

    private static Set<String> categories(List<String> given) {
        Set<String> categories = new LinkedHashSet<>();
        if (given != null) {
            for (String value : given) {
                for (String one : value.split(",")) {
                    String category = one.trim().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
                    if (!ChronologyViews.CATEGORIES.contains(category)) {
                        throw new InvalidFields("category", "must be among " + ChronologyViews.CATEGORIES.stream()
                                .sorted().collect(Collectors.joining(", ")));
                    }
                    categories.add(category);
                }
            }
        }
        return categories;
    }
}
