package org.casetrail.command.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casetrail.platform.web.InvalidFields;
import org.springframework.http.ResponseEntity;

/**
 * Versions over HTTP: {@code If-Match} in (as the Axon sequence number a write expects) and {@code ETag} out.
 * The numbering itself is {@link org.casetrail.command.domain.PublicVersion}'s.
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

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static <T> ResponseEntity<T> ok(long version, T body) {
        return ResponseEntity.ok().eTag(etag(version)).body(body);
    }
}
