package org.casetrail.query.projection;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds, once the service is up, the projections a schema migration marked as due (table
 * {@code projections.rebuild_due}): their rules changed, so their rows must be derived from the events again. A
 * store with no events yet has nothing to rebuild; the marks are cleared as the rebuild starts, and it runs in the
 * background with its progress at {@code /actuator/projections}.
 */
@Component
class DueRebuilds {

    private static final Logger log = LoggerFactory.getLogger(DueRebuilds.class);

    private final JdbcTemplate jdbc;
    private final ProjectionRebuild rebuild;

    DueRebuilds(JdbcTemplate jdbc, ProjectionRebuild rebuild) {
        this.jdbc = jdbc;
        this.rebuild = rebuild;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildWhatIsDue() {
        List<String> due = jdbc.queryForList("SELECT processor_name FROM projections.rebuild_due "
                                             + "ORDER BY processor_name", String.class);
        if (due.isEmpty()) {
            return;
        }
        List<String> known = due.stream().filter(rebuild.projections()::contains).toList();
        jdbc.update("DELETE FROM projections.rebuild_due WHERE processor_name = ANY (?)",
                    (Object) due.toArray(String[]::new));
        if (known.isEmpty() || rebuild.head() < 0) {
            return;
        }
        log.info("Rebuilding {} from the events: their rules changed with this version", known);
        rebuild.start(known, "casetrail (upgrade)");
    }
}
