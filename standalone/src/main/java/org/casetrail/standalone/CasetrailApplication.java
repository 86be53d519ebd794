package org.casetrail.standalone;

import org.casetrail.command.CommandSideApplication;
import org.casetrail.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Casetrail in one process: command side and query side on one port, over an embedded PostgreSQL unless
 * {@code spring.datasource.url} names another. The two sides' own launchers are left out of the scan; their
 * packages are not.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"org.casetrail.platform", "org.casetrail.command", "org.casetrail.query",
                               "org.casetrail.audit", "org.casetrail.web",
                               "org.casetrail.standalone"},
               excludeFilters = {
                       @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                                             classes = {CommandSideApplication.class, QuerySideApplication.class}),
                       // As @SpringBootApplication does: test configurations and auto-configurations stay out.
                       @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
                       @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
public class CasetrailApplication {

    public static void main(String[] args) {
        SpringApplication.run(CasetrailApplication.class, args);
    }
}
