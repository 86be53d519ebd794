package org.casetrail.query.chronology;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What the chronology reads return, and what they take. */
public final class ChronologyViews {

    /** The categories an entry can have, as filters name them. */
    public static final Set<String> CATEGORIES = Set.of("contact", "home visit", "risk", "action", "guidance",
                                                        "session", "plan", "case");

    private ChronologyViews() {
    }

    public record SourceView(String type, String id, long version) {
    }

    /**
     * One entry. {@code occurredAt} is when it happened: a follow-up raised in a contact takes the contact's time,
     * and {@code recordedAt} says when it was written down. {@code addedAfterSigning} marks a follow-up added to
     * a contact already signed (on {@code recordedAt} by {@code recordedBy}), with the reason given.
     */
    public record EntryView(int seq, Instant occurredAt, Instant occurredUntil, Integer age, String category,
                            String summary, SourceView source, String impact, String outcome, Instant recordedAt,
                            String recordedBy, boolean lateEntry, boolean amended, boolean addedAfterSigning,
                            String reasonAfterSigning) {
    }

    /** {@code more} is set for a page ({@code limit} given): whether entries follow the last one returned. */
    public record ChronologyView(String caseId, Instant asOf, List<EntryView> entries, String digest, Boolean more) {
    }

    /**
     * Which entries: of a case, occurring in [from, to), of some categories (all when empty), as the chronology
     * stood at {@code asOf} (now when null); {@code after} and {@code limit} page through it by seq: entries
     * numbered above after, at most limit (all when null).
     */
    public record FindChronologyQuery(String caseId, Instant from, Instant to, Set<String> categories, Instant asOf,
                                      int after, Integer limit) {
    }
}
