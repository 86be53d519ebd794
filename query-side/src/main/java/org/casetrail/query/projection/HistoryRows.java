package org.casetrail.query.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The history rows (changes, reviews) of records just read, grouped by record. They are read after the records,
 * in a statement of their own, so a row committed in between would show a change beside a record that does not
 * show its effect yet; only rows up to each record's version as read are kept, and the view is of one moment.
 */
public final class HistoryRows {

    private HistoryRows() {
    }

    /**
     * @param sql       selects the history rows in order, with the record's id in {@code idColumn} and the version
     *                  it made the record in {@code version}
     * @param versions  each record's id and version as read
     */
    public static <T> Map<String, List<T>> upTo(JdbcClient jdbc, String sql, Object parameter, String idColumn,
                                                Map<String, Long> versions, RowMapper<T> row) {
        Map<String, List<T>> history = new LinkedHashMap<>();
        jdbc.sql(sql).param(parameter).query(rs -> {
            String id = rs.getString(idColumn);
            if (rs.getLong("version") <= versions.getOrDefault(id, -1L)) {
                history.computeIfAbsent(id, k -> new ArrayList<>()).add(row.mapRow(rs, 0));
            }
        });
        return history;
    }
}
