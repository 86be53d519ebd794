package org.casetrail.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongConsumer;

import org.casetrail.events.action.ActionAssignedEvent;
import org.casetrail.events.action.ActionCompletedEvent;
import org.casetrail.events.action.ActionTerm;
import org.casetrail.events.audit.RecordViewedEvent;
import org.casetrail.events.caserecord.CaseOpenedEvent;
import org.casetrail.events.caserecord.PlanKind;
import org.casetrail.events.caserecord.PlanRecordedEvent;
import org.casetrail.events.caserecord.PlanType;
import org.casetrail.events.caserecord.ServiceUser;
import org.casetrail.events.contact.AddendumAddedEvent;
import org.casetrail.events.contact.Attendee;
import org.casetrail.events.contact.AttendeeRole;
import org.casetrail.events.contact.AttendeesChangedEvent;
import org.casetrail.events.contact.ChildVisit;
import org.casetrail.events.contact.ContactDiscardedEvent;
import org.casetrail.events.contact.ContactDraftedEvent;
import org.casetrail.events.contact.ContactFinalisedEvent;
import org.casetrail.events.contact.DescriptionChangedEvent;
import org.casetrail.events.contact.Purpose;
import org.casetrail.events.contact.Setting;
import org.casetrail.events.contact.SettingType;
import org.casetrail.events.contact.Timing;
import org.casetrail.events.risk.Professional;
import org.casetrail.events.risk.RiskAspect;
import org.casetrail.events.risk.RiskCategory;
import org.casetrail.events.risk.RiskIdentifiedEvent;
import org.casetrail.events.risk.RiskReviewedEvent;
import org.casetrail.events.risk.Severity;
import org.casetrail.events.session.SessionBookedEvent;
import org.casetrail.events.session.SessionHeldEvent;
import org.casetrail.events.session.SessionMissedEvent;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Writes a realistic case load straight into the event table, in the exact stored form the service writes (the
 * event records of shared-events serialized as the service's event serializer does, Axon's column layout, its
 * millisecond ISO-8601 time stamps, and the metadata every command leaves): cases opened with plans, then contacts
 * drafted, edited, signed (a few discarded), with the risks, reviews, actions, completions, sessions booked and
 * held or missed, addenda and reads that follow them. Events are in time order, spread evenly from two years ago to
 * an hour ago, and cases get contacts with a skewed (Zipf-like) distribution, as a few long, intensive cases do.
 * <p>
 * Three records are planted for the reads at scale: one large case with about {@code bigCaseEntries} chronology
 * entries, one contact with exactly 50 versions, and the busiest assignee of outstanding actions. The generator is
 * seeded, so a run is repeatable.
 */
final class Dataset {

    /** What the reads at scale need to know about the data. */
    record Planted(int events, int cases, String bigCaseId, int bigCaseEntries, String fiftyVersionContactId,
                   String busiestAssignee, int busiestAssigneeOutstanding, Map<String, Integer> eventTypes) {
    }

    private static final DateTimeFormatter AXON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String[] SENTENCES = {
        "Visited the family home as arranged; mother answered the door and the children were in the living room.",
        "Discussed school attendance, which has improved to 92% this half term according to the school.",
        "Jo said she feels safer since the new locks were fitted and has not seen her former partner.",
        "Observed the bedroom: clean bedding, age-appropriate toys, a working smoke alarm on the landing.",
        "Talked through the plan's next steps and agreed who will contact the GP about the referral.",
        "Mum reported difficulty with rent arrears; signposted to the welfare rights service.",
        "Sam was quiet at first, then showed me drawings from school and talked about football training.",
        "The health visitor joined by phone and shared that weight and development checks are on track.",
        "Raised the concern from the school about bruising; mum gave an account consistent with a fall.",
        "Agreed to review the safety plan at the next visit with both parents present.",
    };
    private static final int WORKERS = 150;

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Random random = new Random(20261125L);
    private final int totalEvents;
    private final int caseCount;
    private final int bigCaseEntries;
    private final Instant start;
    private final long stepMillis;
    private final StringBuilder copy = new StringBuilder();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, Integer> eventTypes = new LinkedHashMap<>();
    private final Map<String, Integer> outstandingByAssignee = new HashMap<>();
    private int written;
    private Instant now;
    private CopyManager copier;
    private LongConsumer progress;

    /** One case's state as the generator goes. */
    private static final class Case {
        final String id;
        final String worker;
        final List<String> plans = new ArrayList<>();
        final List<String> openRisks = new ArrayList<>();
        final List<String[]> openActions = new ArrayList<>();
        String bookedSession;
        int entries;

        Case(String id, String worker) {
            this.id = id;
            this.worker = worker;
        }
    }

    Dataset(int totalEvents, int caseCount, int bigCaseEntries, Instant end) {
        this.totalEvents = totalEvents;
        this.caseCount = caseCount;
        this.bigCaseEntries = bigCaseEntries;
        this.start = end.minus(Duration.ofDays(730));
        this.stepMillis = Math.max(1, Duration.ofDays(730).toMillis() / totalEvents);
        this.now = start;
    }

    /** Loads the data into the (migrated, empty) event table over {@code connection}, reporting progress. */
    Planted load(Connection connection, LongConsumer progress) throws Exception {
        this.copier = connection.unwrap(PGConnection.class).getCopyAPI();
        this.progress = progress;
        List<Case> cases = new ArrayList<>();
        // Zipf-like: after the planted big case (index 0), the i-th case gets a share proportional to 1/(i+20).
        double[] cumulative = new double[caseCount];
        double sum = 0;
        for (int i = 0; i < caseCount; i++) {
            String worker = "worker-%03d".formatted(1 + (int) Math.floor(WORKERS * Math.pow(random.nextDouble(), 1.6)));
            Case c = new Case(uuid(), worker);
            cases.add(c);
            open(c, i);
            sum += i == 0 ? 0 : 1.0 / (i + 20);
            cumulative[i] = sum;
        }
        Case big = cases.get(0);
        // The planted 50-version contact sits in an ordinary case, a quarter of the way through the data.
        Case ordinary = cases.get(caseCount / 2);
        String fiftyVersions = null;
        // The big case takes a share of contacts such that it ends with about bigCaseEntries entries.
        // (A contact gives about 1.8 entries from about 5 events.)
        double bigShare = Math.min(0.5, bigCaseEntries * 3.0 / totalEvents);
        while (written < totalEvents) {
            if (fiftyVersions == null && written > totalEvents / 4) {
                fiftyVersions = contact(ordinary, 48, true);
                continue;
            }
            Case c;
            if (big.entries < bigCaseEntries && random.nextDouble() < bigShare) {
                c = big;
            } else {
                int found = Arrays.binarySearch(cumulative, 1, caseCount, random.nextDouble() * sum);
                c = cases.get(Math.min(caseCount - 1, found >= 0 ? found : -found - 1));
            }
            contact(c, random.nextDouble() < 0.5 ? 1 : 0, false);
        }
        flush();
        String busiest = outstandingByAssignee.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElseThrow();
        return new Planted(written, caseCount, big.id, big.entries, fiftyVersions, busiest,
                           outstandingByAssignee.get(busiest), eventTypes);
    }

    private void open(Case c, int index) throws Exception {
        PlanType type = PlanType.values()[index % PlanType.values().length];
        append(c.id, c.id, "CaseRecord", new CaseOpenedEvent(c.id, new ServiceUser("Service User " + index,
                LocalDate.of(2010, 1, 1).plusDays(random.nextInt(4000)), "REF-" + (100000 + index)), type, c.worker, null),
               c.worker, "OpenCaseCommand");
        int plans = 1 + random.nextInt(3);
        for (int p = 0; p < plans; p++) {
            String planId = uuid();
            c.plans.add(planId);
            append(c.id, c.id, "CaseRecord", new PlanRecordedEvent(c.id, planId, PlanKind.values()[p], "Plan " + (p + 1),
                    LocalDate.ofInstant(now, ZoneOffset.UTC), "Agreed at the strategy meeting.", null), c.worker,
                   "RecordPlanCommand");
        }
        c.entries += 1 + plans;
    }

    /** One contact and (unless {@code plain}) what followed from it; returns its id. */
    private String contact(Case c, int edits, boolean plain) throws Exception {
        String contactId = uuid();
        String worker = c.worker;
        boolean late = random.nextDouble() < 0.05;
        Instant ended = now.minus(late ? Duration.ofDays(3) : Duration.ofMinutes(30 + random.nextInt(120)));
        Instant started = ended.minus(Duration.ofMinutes(30 + random.nextInt(60)));
        String heldSession = plain ? null : c.bookedSession;
        if (!plain) {
            c.bookedSession = null;
        }
        SettingType setting = random.nextDouble() < 0.6 ? SettingType.HOME : SettingType.values()[random.nextInt(7)];
        var attendees = List.of(new Attendee("Service user", AttendeeRole.SERVICE_USER, null, null),
                                new Attendee("Parent", AttendeeRole.PARENT_CARER, null, null));
        append(c.id, contactId, "Contact", new ContactDraftedEvent(contactId, c.id, attendees,
                new Setting(setting, setting == SettingType.HOME ? "Family home" : null), new Timing(started, ended),
                new Purpose("Review progress against the plan", List.of(c.plans.get(random.nextInt(c.plans.size()))),
                            random.nextBoolean() ? "Motivational interviewing" : null, null),
                description(), heldSession, setting == SettingType.HOME
                        ? new ChildVisit(true, random.nextBoolean(), true, "I like my new school.") : null, null),
               worker, "DraftContactCommand");
        for (int e = 0; e < edits; e++) {
            if (e % 2 == 0) {
                append(c.id, contactId, "Contact", new DescriptionChangedEvent(contactId, description()), worker,
                       "ChangeDescriptionCommand");
            } else {
                append(c.id, contactId, "Contact", new AttendeesChangedEvent(contactId, List.of(
                        new Attendee("Service user", AttendeeRole.SERVICE_USER, null, null),
                        new Attendee("Attendee " + e, AttendeeRole.PROFESSIONAL, "School", null))), worker,
                       "ChangeAttendeesCommand");
            }
        }
        if (!plain && random.nextDouble() < 0.03) {
            append(c.id, contactId, "Contact", new ContactDiscardedEvent(contactId, "Recorded on the wrong case"), worker,
                   "DiscardContactCommand");
            return contactId;
        }
        if (!plain) {
            // Follow-ups are raised while the note is a draft, and signed with it.
            if (random.nextDouble() < 0.2) {
                String riskId = uuid();
                append(c.id, riskId, "Risk", new RiskIdentifiedEvent(riskId, c.id, contactId, RiskCategory.values()[random.nextInt(3)],
                        List.of(RiskAspect.SAFETY), "Concern raised: " + SENTENCES[8], Severity.values()[random.nextInt(3)],
                        List.of(new Professional("School nurse", "Primary school", "Nurse")), null), worker, "IdentifyRiskCommand");
                c.openRisks.add(riskId);
                c.entries++;
            } else if (!c.openRisks.isEmpty() && random.nextDouble() < 0.1) {
                String riskId = c.openRisks.get(random.nextInt(c.openRisks.size()));
                append(c.id, riskId, "Risk", new RiskReviewedEvent(riskId, contactId, "Reviewed with the family",
                        Severity.values()[random.nextInt(3)]), worker, "ReviewRiskCommand");
                c.entries++;
            }
            if (!c.openActions.isEmpty() && random.nextDouble() < 0.6) {
                String[] action = c.openActions.remove(0);
                append(c.id, action[0], "Action", new ActionCompletedEvent(action[0], contactId, "Done as agreed"), worker,
                       "CompleteActionCommand");
                outstandingByAssignee.merge(action[1], -1, Integer::sum);
                c.entries++;
            }
            if (random.nextDouble() < 0.3) {
                String actionId = uuid();
                append(c.id, actionId, "Action", new ActionAssignedEvent(actionId, c.id, contactId, "Chase the GP referral",
                        c.worker, LocalDate.ofInstant(now.plus(Duration.ofDays(14)), ZoneOffset.UTC), ActionTerm.SHORT, null, null),
                       worker, "AssignActionCommand");
                c.openActions.add(new String[] {actionId, c.worker});
                outstandingByAssignee.merge(c.worker, 1, Integer::sum);
                c.entries++;
            }
            if (random.nextDouble() < 0.4) {
                String sessionId = uuid();
                append(c.id, sessionId, "Session", new SessionBookedEvent(sessionId, c.id, contactId,
                        now.plus(Duration.ofDays(7)), new Setting(SettingType.HOME, null), "Review the safety plan", null),
                       worker, "BookSessionCommand");
                c.entries++;
                if (random.nextDouble() < 0.1) {
                    append(c.id, sessionId, "Session", new SessionMissedEvent(sessionId, "Family not at home"), worker,
                           "RecordMissedSessionCommand");
                    c.entries++;
                } else {
                    c.bookedSession = sessionId;
                }
            }
        }
        append(c.id, contactId, "Contact", new ContactFinalisedEvent(contactId, worker, null), worker, "FinaliseContactCommand");
        if (heldSession != null) {
            append(c.id, heldSession, "Session", new SessionHeldEvent(heldSession, contactId), worker,
                   "FinaliseContactCommand");
        }
        c.entries++;
        if (plain) {
            return contactId;
        }
        if (random.nextDouble() < 0.02) {
            append(c.id, contactId, "Contact", new AddendumAddedEvent(contactId, uuid(), "The school confirmed the date.",
                    "Information received after signing"), worker, "AddAddendumCommand");
        }
        viewed("/api/contacts/" + contactId, c.id, contactId, worker);
        return contactId;
    }

    private String description() {
        StringBuilder text = new StringBuilder();
        int sentences = 5 + random.nextInt(5);
        for (int s = 0; s < sentences; s++) {
            text.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(' ');
        }
        return text.toString().trim();
    }

    private void viewed(String path, String caseId, String recordId, String actor) throws Exception {
        String eventId = uuid();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("actor", actor);
        meta.put("clientAddress", "10.0.0.1");
        meta.put("requestId", uuid());
        meta.put("actorRole", "PRACTITIONER");
        row(eventId, 0, null, eventId, meta, new RecordViewedEvent(path, null, caseId, recordId));
    }

    private void append(String caseId, String aggregateId, String aggregateType, Object event, String actor,
                        String command) throws Exception {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        String trace = uuid();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("traceId", trace);
        meta.put("actor", actor);
        meta.put("requestId", uuid());
        meta.put("actorRole", "PRACTITIONER");
        meta.put("correlationId", trace);
        meta.put("clientAddress", "10.0.0.1");
        meta.put("command", command);
        meta.put("caseId", caseId);
        row(aggregateId, sequence, aggregateType, uuid(), meta, event);
    }

    private void row(String aggregateId, long sequence, String type, String eventId, Map<String, Object> meta,
                     Object payload) throws Exception {
        now = now.plusMillis(1 + random.nextLong(2 * stepMillis));
        eventTypes.merge(payload.getClass().getSimpleName(), 1, Integer::sum);
        copy.append(aggregateId).append('\t').append(sequence).append('\t').append(type == null ? "\\N" : type)
            .append('\t').append(eventId).append('\t').append(bytea(json.writeValueAsBytes(meta))).append('\t')
            .append(bytea(json.writeValueAsBytes(payload))).append("\t\\N\t").append(payload.getClass().getName())
            .append('\t').append(AXON_TIME.format(now)).append('\n');
        written++;
        if (written % 10_000 == 0) {
            flush();
            progress.accept(written);
        }
    }

    private void flush() throws IOException, java.sql.SQLException {
        if (copy.isEmpty()) {
            return;
        }
        copier.copyIn("COPY domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                      + "meta_data, payload, payload_revision, payload_type, time_stamp) FROM STDIN",
                      new StringReader(copy.toString()));
        copy.setLength(0);
    }

    /** A bytea value in COPY's text format: the hex form, its backslash escaped. */
    private static String bytea(byte[] bytes) {
        return "\\\\x" + HexFormat.of().formatHex(bytes);
    }

    private String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
