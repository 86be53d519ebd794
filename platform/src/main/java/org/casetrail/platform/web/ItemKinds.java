package org.casetrail.platform.web;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The kinds of record a chronology entry can be marked for, as their paths name them ({@code /api/risks/...},
 * {@code /significance/risks/...}) and as the chronology's source types do ({@code RISK}): one vocabulary for the
 * API, the forms and the pages.
 */
public final class ItemKinds {

    /** The path kinds, for a route's pattern: {@code {kind:} + PATTERN + }}. */
    public static final String PATTERN = "contacts|risks|actions|guidance-requests|sessions";

    private static final Map<String, String> TYPES = Map.of("contacts", "CONTACT", "risks", "RISK",
            "actions", "ACTION", "guidance-requests", "GUIDANCE", "sessions", "SESSION");

    /** Each source type's path kind: the reverse of {@link #TYPES}. */
    public static final Map<String, String> KINDS = TYPES.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private ItemKinds() {
    }

    /** The source type of a path kind matched by {@link #PATTERN}. */
    public static String typeOf(String kind) {
        return TYPES.get(kind);
    }
}
