package org.casetrail.platform.db;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Says at start-up how durable the database is: an acknowledged record survives a crash or power cut only with
 * fsync, full page writes and synchronous commits on. Any that is off is a warning: tests may turn them off for
 * speed, a service holding records should not.
 */
@Component
class DurabilityReport implements ApplicationListener<ApplicationReadyEvent> {

    static final List<String> SETTINGS = List.of("fsync", "full_page_writes", "synchronous_commit");
    private static final Logger log = LoggerFactory.getLogger(DurabilityReport.class);

    private final JdbcTemplate jdbc;

    DurabilityReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Map<String, String> settings = settings();
        if (settings.values().stream().allMatch("on"::equals)) {
            log.info("Database durability: {}", settings);
        } else {
            log.warn("Database durability: {}; acknowledged records can be lost in a crash unless all are on",
                     settings);
        }
    }

    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String setting : SETTINGS) {
            settings.put(setting, jdbc.queryForObject("SHOW " + setting, String.class));
        }
        return settings;
    }
}
