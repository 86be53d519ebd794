package org.casetrail.query.chronology;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.messaging.Ids;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.web.InvalidFields;
import org.casetrail.platform.web.Params;
import org.casetrail.platform.web.TimeZones;
import org.casetrail.query.projection.Sql;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * api.md "Chronology": a case's chronology now or as it could have been produced at any instant, filtered by
 * date and category, as JSON or CSV, with a digest over a canonical form of its entries so two copies can be
 * compared and a printed one checked later.
 */
final class ChronologyReads {

    static final Set<String> CATEGORIES = Set.of("contact", "home visit", "risk", "action", "guidance", "session",
                                                  "plan", "case");

    private ChronologyReads() {
    }

    record SourceView(String type, String id, long version) {
    }

    record EntryView(int seq, Instant occurredAt, Instant occurredUntil, Integer age, String category, String summary,
                     SourceView source, String impact, String outcome, Instant recordedAt, String recordedBy,
                     boolean lateEntry, boolean amended) {
    }

    /** {@code more} is set for a page ({@code limit} given): whether entries follow the last one returned. */
    record ChronologyView(String caseId, Instant asOf, List<EntryView> entries, String digest, Boolean more) {
    }

    /** {@code after} and {@code limit} page through it by seq: entries numbered above after, at most limit. */
    record FindChronologyQuery(String caseId, Instant from, Instant to, Set<String> categories, Instant asOf,
                               int after, Integer limit) {
    }

    @Component
    static class ChronologyQueries {

        private final JdbcTemplate jdbc;
        private final ZoneId zone;

        ChronologyQueries(JdbcTemplate jdbc, CasetrailProperties properties) {
            this.jdbc = jdbc;
            this.zone = properties.timeZone();
        }

        @QueryHandler
        Optional<ChronologyView> handle(FindChronologyQuery query) {
            var caseId = Sql.uuid(query.caseId());
            List<LocalDate> birth = jdbc.query("SELECT date_of_birth FROM projections.case_record WHERE case_id = ?",
                    (rs, n) -> rs.getObject(1, LocalDate.class), caseId);
            if (birth.isEmpty()) {
                return Optional.empty();
            }
            LocalDate dateOfBirth = birth.get(0);
            StringBuilder where = new StringBuilder(" WHERE case_id = ?");
            List<Object> args = new ArrayList<>(List.of(caseId));
            if (query.asOf() == null) {
                where.append(" AND valid_to IS NULL");
            } else {
                where.append(" AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)");
                args.add(Sql.utc(query.asOf()));
                args.add(Sql.utc(query.asOf()));
            }
            if (query.from() != null) {
                where.append(" AND occurred_at >= ?");
                args.add(Sql.utc(query.from()));
            }
            if (query.to() != null) {
                where.append(" AND occurred_at < ?");
                args.add(Sql.utc(query.to()));
            }
            if (!query.categories().isEmpty()) {
                where.append(" AND category = ANY (?)");
                args.add(query.categories().toArray(String[]::new));
            }
            // Numbered in chronological order, then paged by that number. A page reads only the rows up to its
            // end, taken in order from the index on (case_id, occurred_at, recorded_at, entry_id): the LIMIT inside
            // keeps PostgreSQL on that index even with the generic plan a prepared statement gets, which otherwise
            // fetched and sorted the whole case (measured on a 5,000-entry case: 3 ms instead of 139 ms).
            String order = " ORDER BY occurred_at, recorded_at, entry_id";
            String rows = "SELECT * FROM projections.chronology_entry" + where
                          + (query.limit() == null ? "" : order + " LIMIT " + (query.after() + query.limit() + 1));
            String numbered = "SELECT *, row_number() OVER (" + order.trim() + ") AS seq FROM (" + rows + ") entries";
            String sql = "SELECT * FROM (" + numbered + ") numbered"
                         + (query.after() > 0 ? " WHERE seq > " + query.after() : "") + order;
            List<EntryView> entries = jdbc.query(sql,
                    (rs, n) -> {
                        Instant occurred = Sql.instant(rs.getObject("occurred_at", OffsetDateTime.class));
                        Integer age = dateOfBirth == null ? null
                                : Period.between(dateOfBirth, occurred.atZone(zone).toLocalDate()).getYears();
                        return new EntryView(rs.getInt("seq"), occurred,
                                Sql.instant(rs.getObject("occurred_until", OffsetDateTime.class)), age,
                                rs.getString("category"), rs.getString("summary"),
                                new SourceView(rs.getString("source_type"), rs.getString("source_id"),
                                               rs.getLong("source_version")),
                                rs.getString("impact"), rs.getString("outcome"),
                                Sql.instant(rs.getObject("recorded_at", OffsetDateTime.class)),
                                rs.getString("recorded_by"), rs.getBoolean("late_entry"), rs.getBoolean("amended"));
                    },
                    args.toArray());
            Boolean more = null;
            if (query.limit() != null) {
                more = entries.size() > query.limit();
                entries = more ? entries.subList(0, query.limit()) : entries;
            }
            return Optional.of(new ChronologyView(query.caseId(), query.asOf(), entries, digest(entries), more));
        }
    }

    /**
     * SHA-256, in hex, over one line per entry: its columns in the order of {@link EntryView}, instants as
     * ISO-8601 UTC, joined by '|', with '\', '|' and line breaks escaped. The zone a reader asked for does not
     * enter it, so every copy of the same chronology has the same digest.
     */
    static String digest(List<EntryView> entries) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (EntryView e : entries) {
                String line = String.join("|", String.valueOf(e.seq()), text(e.occurredAt()), text(e.occurredUntil()),
                        text(e.age()), e.category(), escape(e.summary()), e.source().type(), e.source().id(),
                        String.valueOf(e.source().version()), escape(e.impact()), escape(e.outcome()),
                        text(e.recordedAt()), escape(e.recordedBy()), String.valueOf(e.lateEntry()),
                        String.valueOf(e.amended())) + "\n";
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String escape(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "\\r")
                                         .replace("\n", "\\n");
    }

    @RestController
    static class ChronologyController {

        private static final List<String> CSV_HEADER = List.of("seq", "occurredAt", "occurredUntil", "age",
                "category", "summary", "sourceType", "sourceId", "sourceVersion", "impact", "outcome", "recordedAt",
                "recordedBy", "lateEntry", "amended");

        private final QueryGateway queries;
        private final ZoneId zone;
        private final CasePdfs pdfs;
        private final Clock clock;

        ChronologyController(QueryGateway queries, CasetrailProperties properties, CasePdfs pdfs, Clock clock) {
            this.queries = queries;
            this.zone = properties.timeZone();
            this.pdfs = pdfs;
            this.clock = clock;
        }

        /**
         * One path, three forms, chosen by {@code Accept}: {@code application/pdf}, {@code text/csv}, else JSON.
         * (Left to content negotiation, a client accepting anything could get any of the three.)
         */
        @GetMapping("/api/cases/{caseId}/chronology")
        ResponseEntity<?> chronology(@PathVariable String caseId, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) List<String> category,
                                     @RequestParam(required = false) String asOf,
                                     @RequestParam(required = false) String after,
                                     @RequestParam(required = false) String limit,
                                     @RequestHeader(name = "Accept", required = false) String accept,
                                     HttpServletResponse response) throws IOException {
            ChronologyView view = find(caseId, from, to, category, asOf, after == null ? 0 : count("after", after, 0),
                                       limit == null ? null : count("limit", limit, 1));
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
                return csv(view);
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view);
        }

        /** The court bundle: the chronology and every contact in full as it stood, streamed page by page. */
        @GetMapping(path = "/api/cases/{caseId}/bundle")
        ResponseEntity<StreamingResponseBody> bundle(@PathVariable String caseId,
                                                     @RequestParam(required = false) String asOf) {
            return printed(find(caseId, null, null, null, asOf, 0, null), "attachment; filename=\"bundle-" + caseId + ".pdf\"",
                           pdfs::bundle);
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

        private ResponseEntity<String> csv(ChronologyView view) {
            ZoneId shown = TimeZones.current(zone);
            StringBuilder csv = new StringBuilder(String.join(",", CSV_HEADER)).append("\r\n");
            for (EntryView e : view.entries()) {
                csv.append(String.join(",", List.of(String.valueOf(e.seq()), time(e.occurredAt(), shown),
                        time(e.occurredUntil(), shown), e.age() == null ? "" : e.age().toString(), quote(e.category()),
                        quote(e.summary()), e.source().type(), e.source().id(), String.valueOf(e.source().version()),
                        quote(e.impact()), quote(e.outcome()), time(e.recordedAt(), shown), quote(e.recordedBy()),
                        String.valueOf(e.lateEntry()), String.valueOf(e.amended())))).append("\r\n");
            }
            return ResponseEntity.ok()
                                 .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                                 .header("X-Chronology-Digest", view.digest())
                                 .body(csv.toString());
        }

        private ChronologyView find(String caseId, String from, String to, List<String> category, String asOf,
                                    int after, Integer limit) {
            String id = Ids.require("case", caseId);
            var query = new FindChronologyQuery(id, bound("from", from, false), bound("to", to, true),
                                                categories(category), asOf == null ? null : Params.instant("asOf", asOf),
                                                after, limit);
            return queries.query(query, ResponseTypes.optionalInstanceOf(ChronologyView.class)).join()
                          .orElseThrow(() -> new NotFound("case", caseId));
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
                try {
                    LocalDate date = LocalDate.parse(value.trim());
                    return (end ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
                } catch (DateTimeException e) {
                    throw new InvalidFields(field, "must be a date, yyyy-mm-dd, or an instant with an offset");
                }
            }
            return Params.instant(field, value);
        }

        private static Set<String> categories(List<String> given) {
            Set<String> categories = new LinkedHashSet<>();
            if (given != null) {
                for (String value : given) {
                    for (String one : value.split(",")) {
                        String category = one.trim().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
                        if (!CATEGORIES.contains(category)) {
                            throw new InvalidFields("category", "must be among " + CATEGORIES.stream().sorted()
                                    .collect(Collectors.joining(", ")));
                        }
                        categories.add(category);
                    }
                }
            }
            return categories;
        }

        private static String time(Instant instant, ZoneId zone) {
            return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
        }

        /** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
        static String quote(String value) {
            if (value == null) {
                return "";
            }
            if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
                return "\"" + value.replace("\"", "\"\"") + "\"";
            }
            return value;
        }
    }
}
