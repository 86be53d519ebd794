package org.casetrail.standalone;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** Every projection table, whole, in a stable order: what a rebuild must reproduce row for row. */
final class ProjectionTables {

    private ProjectionTables() {
    }

    static Map<String, List<Map<String, Object>>> snapshot(JdbcTemplate jdbc) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'projections' AND table_name NOT LIKE 'flyway%' ORDER BY table_name""",
                String.class)) {
            // Ordered by the whole row: rows alike in their first columns come in any order otherwise.
            tables.put(table, jdbc.queryForList("SELECT * FROM projections." + table + " t ORDER BY t::text"));
        }
        return tables;
    }
}
