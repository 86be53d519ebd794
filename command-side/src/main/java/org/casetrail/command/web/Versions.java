package org.casetrail.command.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.modelling.command.AggregateLifecycle;
import org.casetrail.platform.web.InvalidFields;
import org.springframework.http.ResponseEntity;

/**
 * Public versions count an aggregate's events (1 after the first); Axon counts sequence numbers from 0. This is
 * the one place the two meet, for {@code If-Match} in and {@code ETag} out.
 */
public final class Versions {

    public static final String IF_MATCH = "If-Match";
    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private Versions() {
    }

    /** The Axon sequence number an {@code If-Match} header expects, or null when the write is unconditional. */
    public static Long expectedSequence(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = ETAG.matcher(ifMatch.trim());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) < 1) {
            throw new InvalidFields(IF_MATCH, "must be a version as returned in ETag, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1)) - 1;
    }

    /** The public version of the aggregate whose command is being handled, after the events it applied. */
    public static long current() {
        return fromSequence(AggregateLifecycle.getVersion());
    }

    /** The public version after an aggregate's last event, from the sequence number Axon reports. */
    public static long fromSequence(Long sequence) {
        return sequence == null ? 0 : sequence + 1;
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static <T> ResponseEntity<T> ok(long version, T body) {
        return ResponseEntity.ok().eTag(etag(version)).body(body);
    }
}
