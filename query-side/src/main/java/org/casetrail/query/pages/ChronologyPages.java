package org.casetrail.query.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.casetrail.query.chronology.ChronologyViews;
import org.casetrail.query.chronology.ChronologyCsv;
import org.casetrail.query.chronology.CasePdfs;
import org.casetrail.query.chronology.ChronologyQueries;
import org.casetrail.audit.AuditedRead;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.web.Ids;
import org.casetrail.platform.web.ItemKinds;
import org.casetrail.platform.web.InvalidFields;
import org.casetrail.query.caserecord.CaseQueries;
import org.casetrail.query.chronology.ChronologyViews.ChronologyView;
import org.casetrail.query.chronology.ChronologyViews.FindChronologyQuery;
import org.casetrail.web.Dates;
import org.casetrail.web.FormReader;
import org.casetrail.web.FormState;
import org.casetrail.web.PageController;
import org.springframework.http.MediaType;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The chronology in a browser: the table the court chronology prints, filtered by dates and categories, as it
 * stood at any moment, with its digest; and the same selection as CSV or PDF, and the court bundle, to download.
 * The filters are a GET form, so a filtered chronology is a link that can be shared or printed.
 */
@PageController
class ChronologyPages {

    private final ChronologyQueries chronologies;
    private final CaseQueries cases;
    private final CasePdfs pdfs;
    private final Dates dates;
    private final Clock clock;

    ChronologyPages(ChronologyQueries chronologies, CaseQueries cases, CasePdfs pdfs, Dates dates, Clock clock) {
        this.chronologies = chronologies;
        this.cases = cases;
        this.pdfs = pdfs;
        this.dates = dates;
        this.clock = clock;
    }

    @GetMapping("/cases/{caseId}/chronology")
    @AuditedRead(caseId = "caseId")
    String chronology(@PathVariable String caseId, HttpServletRequest request, Model model) {
        ChronologyView view = find(caseId, request);
        model.addAttribute("chronology", view);
        model.addAttribute("caseHeader", cases.header(view.caseId()).orElseThrow());
        model.addAttribute("categories", ChronologyViews.CATEGORIES.stream().sorted().toList());
        model.addAttribute("form", FormState.of(filters(request)));
        model.addAttribute("query", request.getQueryString() == null ? "" : "?" + request.getQueryString());
        model.addAttribute("kinds", ItemKinds.KINDS);
        return "chronology/chronology";
    }

    @GetMapping("/cases/{caseId}/chronology.csv")
    @AuditedRead(caseId = "caseId")
    void csv(@PathVariable String caseId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ChronologyView view = find(caseId, request);
        response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
        response.setHeader("Content-Disposition", "attachment; filename=\"chronology-" + view.caseId() + ".csv\"");
        response.setHeader("X-Chronology-Digest", view.digest());
        response.getOutputStream().write(ChronologyCsv.write(view, dates.zone()).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/cases/{caseId}/chronology.pdf")
    @AuditedRead(caseId = "caseId")
    void pdf(@PathVariable String caseId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ChronologyView view = find(caseId, request);
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader("Content-Disposition", "attachment; filename=\"chronology-" + view.caseId() + ".pdf\"");
        response.setHeader("X-Chronology-Digest", view.digest());
        pdfs.chronology(view, clock.instant(), CurrentUser.require().username(), dates.zone(),
                        response.getOutputStream());
    }

    /** The court bundle as of a moment (managers and auditors, by the page security). */
    @GetMapping("/cases/{caseId}/bundle")
    @AuditedRead(caseId = "caseId")
    void bundle(@PathVariable String caseId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        FormReader form = new FormReader(request);
        ChronologyView view = chronologies.bundle(Ids.require("case", caseId), asOf(form, "bundle-at"))
                .orElseThrow(() -> new NotFound("case as of that moment", caseId));
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader("Content-Disposition", "attachment; filename=\"bundle-" + view.caseId() + ".pdf\"");
        response.setHeader("X-Chronology-Digest", view.digest());
        pdfs.bundle(view, clock.instant(), CurrentUser.require().username(), dates.zone(), response.getOutputStream());
    }

    private ChronologyView find(String caseId, HttpServletRequest request) {
        String id = Ids.require("case", caseId);
        FormReader form = new FormReader(request);
        LocalDate from = form.date("from", "The start date", false);
        LocalDate to = form.date("to", "The end date", false);
        Set<String> categories = new LinkedHashSet<>();
        for (String category : form.all("category")) {
            if (!ChronologyViews.CATEGORIES.contains(category)) {
                form.refuse("category", "Choose categories from the list");
            }
            categories.add(category);
        }
        Instant asOf = asOf(form, "at");
        if (form.failed()) {
            throw new InvalidFields(form.errors().get(0).field(), form.errors().get(0).message());
        }
        boolean significantOnly = !form.all("significant").isEmpty();
        var query = new FindChronologyQuery(id, from == null ? null : start(from),
                                            to == null ? null : start(to.plusDays(1)), categories, asOf, 0, null,
                                            significantOnly);
        return chronologies.find(query).orElseThrow(() -> new NotFound("case", caseId));
    }

    /** The moment chosen with the "as it stood at" date and time; the end of the day without a time. */
    private Instant asOf(FormReader form, String field) {
        LocalDate day = form.date(field, "The date", false);
        LocalTime time = form.time(field + "-time", "The time", false);
        if (day == null) {
            return null;
        }
        return time == null ? start(day.plusDays(1)).minusMillis(1)
                : day.atTime(time).atZone(dates.zone()).toInstant().plusSeconds(59);
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(dates.zone()).toInstant();
    }

    /** The filters as typed, to show them back in the form. */
    private static Map<String, Object> filters(HttpServletRequest request) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : List.of("from-day", "from-month", "from-year", "to-day", "to-month", "to-year", "at-day",
                                    "at-month", "at-year", "at-time")) {
            String value = request.getParameter(field);
            if (value != null) {
                values.put(field, value);
            }
        }
        String[] categories = request.getParameterValues("category");
        if (categories != null) {
            values.put("category", new ArrayList<>(List.of(categories)));
        }
        return values;
    }
}
