package org.casetrail.platform;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code casetrail.*} setting, with its default. The README's configuration table lists them.
 *
 * @param dataDir        where the embedded database (and later the signing key) live
 * @param timeZone       the zone times are shown in when a user names none; storage is always UTC
 * @param db             limits on database sessions and transactions
 * @param events         event store tuning
 * @param readYourWrites how long a read with {@code minVersion} may wait for the projection
 * @param security       authentication settings
 * @param contacts       how contacts are judged
 * @param compliance     visit standards and recording deadlines for the compliance reports
 * @param quality        the recording standard each contact is checked against (the seven steps)
 * @param audit          the audit trail's signing key and checkpoints
 * @param idempotency    how long a POST's Idempotency-Key is remembered
 */
@ConfigurationProperties("casetrail")
public record CasetrailProperties(
        @DefaultValue("./data") String dataDir,
        @DefaultValue("Europe/London") ZoneId timeZone,
        @DefaultValue Db db,
        @DefaultValue Events events,
        @DefaultValue ReadYourWrites readYourWrites,
        @DefaultValue Security security,
        @DefaultValue Contacts contacts,
        @DefaultValue Compliance compliance,
        @DefaultValue Quality quality,
        @DefaultValue Audit audit,
        @DefaultValue Idempotency idempotency) {

    /**
     * @param transactionLimit the longest a transaction may live; longer ones are rolled back, never committed
     * @param statementTimeout the longest one SQL statement may run
     * @param embedded         settings of the embedded PostgreSQL used when no datasource URL is configured
     * @param appRole          the database role the service runs as in a least-privilege setup; every start
     *                         grants it exactly what the service needs, when the role exists
     * @param migrationUsername the role migrations run as (the tables' owner); blank for the datasource's user
     * @param migrationPassword its password
     */
    public record Db(@DefaultValue("15s") Duration transactionLimit,
                     @DefaultValue("10s") Duration statementTimeout,
                     @DefaultValue Embedded embedded,
                     @DefaultValue("casetrail_app") String appRole,
                     @DefaultValue("") String migrationUsername,
                     @DefaultValue("") String migrationPassword) {
    }

    /**
     * @param ephemeral start the embedded server in a temporary directory that is removed on exit (tests)
     * @param database  the database to use inside the embedded server; blank means a fresh one per start
     * @param port      the port the embedded server listens on (on localhost only); 0 for any free one
     */
    public record Embedded(@DefaultValue("false") boolean ephemeral,
                           @DefaultValue("casetrail") String database,
                           @DefaultValue("0") int port) {
    }

    /**
     * @param gapTimeout   how long a projection waits for an event whose position was taken by a transaction
     *                     that has not committed yet; must be well above {@code db.transaction-limit}
     * @param maxGapOffset how many positions back such a gap is remembered
     * @param batchSize    events a projection handles in one transaction
     * @param pollInterval how often projections look for new events while idle; bounds the lag from a write
     *                     to its projection
     * @param segments     how many segments the projections' processor is split into (by case) when its tokens are
     *                     first made: the most threads, across all nodes, that build them side by side; set it to
     *                     the number of nodes when running several. The audit trail's processors always have one
     * @param heartbeat    how often a node running processors says it is alive; a node not heard from for three
     *                     beats no longer counts when the segments are shared out
     * @param aggregateCache how many records of each kind a node keeps loaded between commands, so that a command
     *                     on a record written recently reads none of its events; 0 keeps none
     */
    public record Events(@DefaultValue("60s") Duration gapTimeout,
                         @DefaultValue("1000000") int maxGapOffset,
                         @DefaultValue("1000") int batchSize,
                         @DefaultValue("100ms") Duration pollInterval,
                         @DefaultValue("1") int segments,
                         @DefaultValue("2s") Duration heartbeat,
                         @DefaultValue("10000") int aggregateCache) {

        public Events {
            if (segments < 1) {
                throw new IllegalArgumentException("casetrail.events.segments must be at least 1");
            }
            if (heartbeat.isNegative() || heartbeat.isZero()) {
                throw new IllegalArgumentException("casetrail.events.heartbeat must be positive");
            }
            if (aggregateCache < 0) {
                throw new IllegalArgumentException("casetrail.events.aggregate-cache must not be negative");
            }
        }
    }

    /**
     * @param lateEntryAfter a contact written down (signed, or while a draft, first recorded) more than this after
     *                       the session ended is a late entry, and shows as one in every read
     */
    public record Contacts(@DefaultValue("24h") Duration lateEntryAfter) {
    }

    /**
     * @param standards             how often each plan type needs a home visit, by plan type: "10 working days",
     *                              "6 weeks", "1 month", "14 days"
     * @param bankHolidays          days that are not working days besides weekends
     * @param draftOlderThanDays    a draft older than this many days is reported
     * @param guidanceWaitingDays   a guidance request waiting longer than this many days is reported
     */
    public record Compliance(Map<String, String> standards, List<LocalDate> bankHolidays,
                             @DefaultValue("5") int draftOlderThanDays,
                             @DefaultValue("2") int guidanceWaitingDays) {

        public Compliance {
            standards = standards == null ? Map.of() : Map.copyOf(standards);
            bankHolidays = bankHolidays == null ? List.of() : List.copyOf(bankHolidays);
        }
    }

    /**
     * The recording standard: what each contact is checked against, step by step (the contact's checklist and the
     * recording-quality report).
     *
     * @param skip                      checks not applied, by id (e.g. {@code where.frequency}); the report names
     *                                  them with the standard it measured against
     * @param planReviewPeriod          an assessment or plan dated longer than this before the contact is not up to
     *                                  date, and does not count as the plan the contact is linked to
     * @param narrativeLimit            an account of what took place longer than this many characters is flagged
     *                                  (never refused)
     * @param criticalDeadline          how soon after it ended a contact that identified a high risk (a critical
     *                                  event) must be signed
     * @param statutoryVisitWorkingDays how many working days after it a home visit on a child's case (a statutory
     *                                  visit) must be signed, by the end of the day
     * @param otherWorkingDays          the same for every other contact
     */
    public record Quality(List<String> skip, @DefaultValue("P6M") Period planReviewPeriod,
                          @DefaultValue("6000") int narrativeLimit, @DefaultValue("24h") Duration criticalDeadline,
                          @DefaultValue("2") int statutoryVisitWorkingDays, @DefaultValue("5") int otherWorkingDays) {

        public Quality {
            skip = skip == null ? List.of() : List.copyOf(skip);
        }
    }

    /**
     * @param signingKey         the Ed25519 private key (PEM) checkpoints are signed with, the public key beside
     *                           it with {@code .pub}; blank means {@code <data-dir>/audit-signing-key.pem}. Made
     *                           on first start when missing. Keep it outside the database.
     * @param checkpointInterval how often the chain's head is signed, when it has grown
     */
    public record Audit(@DefaultValue("") String signingKey, @DefaultValue("15m") Duration checkpointInterval) {
    }

    /**
     * @param retention       how long the first answer to an Idempotency-Key is kept for repeats; after it the key
     *                        is forgotten and may be used again
     * @param cleanupInterval how often forgotten answers are deleted
     */
    public record Idempotency(@DefaultValue("24h") Duration retention,
                              @DefaultValue("1h") Duration cleanupInterval) {
    }

    /** @param maxWait the bound on a {@code minVersion} wait */
    public record ReadYourWrites(@DefaultValue("5s") Duration maxWait) {
    }

    /**
     * @param mode        {@code basic} (local accounts over HTTP Basic) or {@code jwt} (OAuth2 bearer tokens)
     * @param users       local accounts for basic mode
     * @param rolesClaim  the JWT claim holding the user's roles
     * @param nameClaim   the JWT claim naming the user
     * @param authCacheTtl how long a verified Basic credential is remembered, so a request costs no password hash
     */
    public record Security(@DefaultValue("basic") String mode,
                           @DefaultValue List<User> users,
                           @DefaultValue("roles") String rolesClaim,
                           @DefaultValue("preferred_username") String nameClaim,
                           @DefaultValue("5m") Duration authCacheTtl) {

        /** Whether users come from the identity provider's tokens ({@code jwt}) rather than local accounts. */
        public boolean jwt() {
            return "jwt".equalsIgnoreCase(mode);
        }
    }

    /**
     * @param username the user name, recorded on every event the user causes
     * @param password the password, plain or with a {@code {bcrypt}} style prefix
     * @param role     PRACTITIONER, MANAGER or AUDITOR
     * @param timeZone the zone this user's times are shown in; blank for the service default
     */
    public record User(String username, String password, String role, String timeZone) {
    }
}
