package org.casetrail.command.domain;

import java.util.List;

import org.axonframework.common.caching.Cache;
import org.casetrail.platform.CasetrailProperties;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@link LoadedAggregates} per aggregate type, each bounded by {@code casetrail.events.aggregate-cache}; every
 * aggregate names its own by bean name ({@code @Aggregate(cache = ...)}), so that two types never share a key.
 * Axon refuses to start when an aggregate names a cache that is not here.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCaching {

    /** The cache of each aggregate type, by the name its {@code @Aggregate} gives. */
    static final List<String> CACHES = List.of("caseRecordCache", "contactCache", "actionCache", "riskCache",
                                               "sessionCache", "guidanceRequestCache", "significanceCache");

    @Bean
    static BeanDefinitionRegistryPostProcessor aggregateCaches() {
        return registry -> {
            BeanFactory beans = (BeanFactory) registry;
            for (String name : CACHES) {
                registry.registerBeanDefinition(name, new RootBeanDefinition(Cache.class, () -> new LoadedAggregates(
                        beans.getBean(CasetrailProperties.class).events().aggregateCache())));
            }
        };
    }
}
