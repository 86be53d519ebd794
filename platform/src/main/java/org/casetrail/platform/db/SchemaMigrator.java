package org.casetrail.platform.db;

import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Brings the database up to date before anything reads or writes it. Migrations run on their own connections,
 * outside the pool's session limits, because a schema change on a large table may rightly take longer than a
 * request's transaction is allowed to.
 */
public class SchemaMigrator implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    private final DataSource dataSource;
    private final List<SchemaMigration> migrations;

    public SchemaMigrator(DataSource dataSource, List<SchemaMigration> migrations) {
        this.dataSource = dataSource;
        this.migrations = migrations.stream().sorted(Comparator.comparingInt(SchemaMigration::order)).toList();
    }

    @Override
    public void afterPropertiesSet() {
        for (SchemaMigration migration : migrations) {
            var result = configure(migration).load().migrate();
            log.info("Schema '{}' at version {} ({} migrations applied)", migration.name(),
                     result.targetSchemaVersion, result.migrationsExecuted);
        }
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration configure(SchemaMigration migration) {
        var config = Flyway.configure()
                           .locations(migration.location())
                           .schemas(migration.schema())
                           .defaultSchema(migration.schema())
                           .createSchemas(true)
                           .table("flyway_history_" + migration.location().replaceAll(".*/", ""))
                           .baselineOnMigrate(false);
        if (dataSource instanceof HikariDataSource hikari) {
            return config.dataSource(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        return config.dataSource(dataSource);
    }
}
