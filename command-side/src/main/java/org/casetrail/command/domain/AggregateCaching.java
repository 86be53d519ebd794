package org.casetrail.command.domain;

import org.axonframework.common.caching.Cache;
import org.casetrail.platform.CasetrailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@link LoadedAggregates} per aggregate type, each bounded by {@code casetrail.events.aggregate-cache}; every
 * aggregate names its own by bean name ({@code @Aggregate(cache = ...)}), so that two types never share a key.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCaching {

    private static Cache loaded(CasetrailProperties properties) {
        return new LoadedAggregates(properties.events().aggregateCache());
    }

    @Bean
    Cache caseRecordCache(CasetrailProperties properties) {
        return loaded(properties);
    }

    @Bean
    Cache contactCache(CasetrailProperties properties) {
        return loaded(properties);
    }

    @Bean
    Cache actionCache(CasetrailProperties properties) {
        return loaded(properties);
    }

    @Bean
    Cache riskCache(CasetrailProperties properties) {
        return loaded(properties);
    }

    @Bean
    Cache sessionCache(CasetrailProperties properties) {
        return loaded(properties);
    }

    @Bean
    Cache guidanceRequestCache(CasetrailProperties properties) {
        return loaded(properties);
    }

    @Bean
    Cache significanceCache(CasetrailProperties properties) {
        return loaded(properties);
    }
}
