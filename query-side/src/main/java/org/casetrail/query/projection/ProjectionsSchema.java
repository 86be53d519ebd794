package org.casetrail.query.projection;

import org.casetrail.platform.db.SchemaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProjectionsSchema {

    /** The read tables live in their own schema, after the event store's migrations. */
    @Bean
    SchemaMigration projectionsMigration() {
        return new SchemaMigration("projections", 20, "projections", "classpath:db/projections");
    }
}
