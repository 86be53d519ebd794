package org.casetrail.command.web;

import org.casetrail.platform.db.SchemaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommandSideSchema {

    /** The command side's own tables, after the event store's. */
    @Bean
    SchemaMigration commandSideMigration() {
        return new SchemaMigration("command side", 10, "command_side", "classpath:db/command");
    }
}
