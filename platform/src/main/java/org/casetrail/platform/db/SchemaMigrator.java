package org.casetrail.platform.db;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.casetrail.platform.CasetrailProperties;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Brings the database up to date before anything reads or writes it. Migrations run on their own connections,
 * outside the pool's session limits, because a schema change on a large table may rightly take longer than a
 * request's transaction is allowed to; they run as {@code casetrail.db.migration-username} when one is set, so
 * the service itself can run as a role that owns nothing. Each location's {@code afterMigrate} script grants
 * that role what it needs, on every start.
 */
public class SchemaMigrator implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    private final DataSource dataSource;
    private final List<SchemaMigration> migrations;
    private final CasetrailProperties.Db settings;

    public SchemaMigrator(DataSource dataSource, List<SchemaMigration> migrations, CasetrailProperties.Db settings) {
        this.dataSource = dataSource;
        this.migrations = migrations.stream().sorted(Comparator.comparingInt(SchemaMigration::order)).toList();
        this.settings = settings;
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
                           .baselineOnMigrate(false)
                           .placeholders(Map.of("appRole", settings.appRole()));
        if (dataSource instanceof HikariDataSource hikari) {
            boolean owner = !settings.migrationUsername().isBlank();
            return config.dataSource(hikari.getJdbcUrl(),
                                     owner ? settings.migrationUsername() : hikari.getUsername(),
                                     owner ? settings.migrationPassword() : hikari.getPassword());
        }
        return config.dataSource(dataSource);
    }
}
