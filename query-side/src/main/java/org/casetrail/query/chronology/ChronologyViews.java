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
                            String reasonAfterSigning, Significance significance, String raisedIn) {

        /** Whether this is an item's own entry (a contact, or a follow-up as raised), which a mark applies to. */
        public boolean markable() {
            return "CONTACT".equals(source.type()) || raisedIn != null;
        }
    }

    /**
     * A contact or follow-up as its significance page shows it: its entry's summary and case, and its mark now
     * ({@code version} 0 when it was never marked).
     */
    public record MarkView(String caseId, String itemType, String itemId, String summary, Instant occurredAt,
                           boolean significant, String impact, long version, String markedBy, Instant markedAt) {
    }

    /**
     * The significance column: whether the entry's contact or follow-up is marked a significant event (its
     * {@code impact} on the child is the entry's impact), by whom and when; null where it was never marked.
     */
    public record Significance(boolean significant, Instant markedAt, String markedBy) {
    }

    /** {@code more} is set for a page ({@code limit} given): whether entries follow the last one returned. */
    public record ChronologyView(String caseId, Instant asOf, List<EntryView> entries, String digest, Boolean more) {
    }

    /**
     * Which entries: of a case, occurring in [from, to), of some categories (all when empty), only those marked
     * significant when {@code significantOnly}, as the chronology stood at {@code asOf} (now when null);
     * {@code after} and {@code limit} page through it by seq: entries numbered above after, at most limit (all
     * when null).
     */
    public record FindChronologyQuery(String caseId, Instant from, Instant to, Set<String> categories, Instant asOf,
                                      int after, Integer limit, boolean significantOnly) {

        public FindChronologyQuery(String caseId, Instant from, Instant to, Set<String> categories, Instant asOf,
                                   int after, Integer limit) {
            this(caseId, from, to, categories, asOf, after, limit, false);
        }
    }
}
