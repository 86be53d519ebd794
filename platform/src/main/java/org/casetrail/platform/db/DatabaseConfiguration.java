package org.casetrail.platform.db;

import java.util.List;

import javax.sql.DataSource;

import org.casetrail.platform.CasetrailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    static SessionLimits sessionLimits(org.springframework.core.env.Environment environment) {
        // A static bean post-processor cannot take the bound properties bean, so it reads the two values itself.
        var binder = org.springframework.boot.context.properties.bind.Binder.get(environment);
        var db = binder.bind("casetrail.db", CasetrailProperties.Db.class)
                       .orElseGet(() -> binder.bindOrCreate("casetrail.db", CasetrailProperties.Db.class));
        return new SessionLimits(db.transactionLimit(), db.statementTimeout());
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource, CasetrailProperties properties) {
        return new TimeBoundTransactionManager(dataSource, properties.db().transactionLimit());
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new StoreSafeJdbcTemplate(dataSource);
    }

    @Bean
    SchemaMigration eventStoreMigration() {
        return SchemaMigration.EVENT_STORE;
    }

    @Bean
    SchemaMigrator schemaMigrator(DataSource dataSource, List<SchemaMigration> migrations,
                                  CasetrailProperties properties) {
        return new SchemaMigrator(dataSource, migrations, properties.db());
    }
}
