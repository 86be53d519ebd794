package org.casetrail.web;

import org.casetrail.platform.db.SchemaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The browser sessions' tables ({@link WebSessions}), in a schema of their own with its own migration history. */
@Configuration(proxyBeanMethods = false)
class WebSessionSchema {

    @Bean
    SchemaMigration webSessionMigration() {
        return new SchemaMigration("web sessions", 5, "web_session", "classpath:db/websession");
    }
}
