package org.casetrail.command.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The command side's housekeeping (forgetting expired idempotency answers) runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CommandSideScheduling {
}
