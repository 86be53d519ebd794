package org.casetrail.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side on its own: takes writes, stores events, runs no projections. */
@SpringBootApplication(scanBasePackages = {"org.casetrail.command", "org.casetrail.platform", "org.casetrail.web"})
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
