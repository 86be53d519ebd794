package org.casetrail.platform.db;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows a feature holds about one case, by part and in the order the parts are named: what a subject access
 * request is given. Each part is one query whose single parameter is the case id.
 */
public final class HeldRows {

    private final JdbcClient jdbc;
    private final UUID caseId;
    private final Map<String, List<Map<String, Object>>> parts = new LinkedHashMap<>();

    private HeldRows(JdbcClient jdbc, UUID caseId) {
        this.jdbc = jdbc;
        this.caseId = caseId;
    }

    public static HeldRows of(JdbcClient jdbc, String caseId) {
        return new HeldRows(jdbc, Sql.uuid(caseId));
    }

    /** Adds the rows {@code sql} finds for the case, under {@code name}. */
    public HeldRows part(String name, String sql) {
        parts.put(name, jdbc.sql(sql).param(caseId).query().listOfRows());
        return this;
    }

    public Map<String, List<Map<String, Object>>> rows() {
        return parts;
    }
}
