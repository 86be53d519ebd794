package org.casetrail.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query side on its own: projects the event store into read tables and serves reads from them. */
@SpringBootApplication(scanBasePackages = {"org.casetrail.query", "org.casetrail.audit", "org.casetrail.platform",
                                           "org.casetrail.web"})
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
