package org.casetrail.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Browser sessions in PostgreSQL (Spring Session JDBC), so whichever side, and whichever node, serves a page or
 * takes a form sees the same sign-in, CSRF token and flash messages. Configured here rather than by Spring Boot:
 * Boot names its session store {@code sessionRepository}, the name Axon gives the repository of the session
 * aggregate (heading 7's next session).
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
@EnableScheduling
class WebSessions {

    static final String COOKIE = "CASETRAIL_SESSION";

    private JdbcIndexedSessionRepository sessions;

    @Bean
    JdbcIndexedSessionRepository webSessionRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                                      @Value("${casetrail.web.session-timeout:30m}") Duration timeout) {
        var repository = new JdbcIndexedSessionRepository(jdbc, new TransactionTemplate(transactions));
        repository.setTableName("web_session.spring_session");
        repository.setDefaultMaxInactiveInterval(timeout);
        this.sessions = repository;
        return repository;
    }

    /** HttpOnly, SameSite=Lax, and Secure whenever the request came over TLS (behind the proxy too). */
    @Bean
    CookieSerializer webSessionCookie() {
        var cookie = new DefaultCookieSerializer();
        cookie.setCookieName(COOKIE);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setCookiePath("/");
        return cookie;
    }

    /** Expired sessions are deleted, once a minute, by whichever node gets there first. */
    @Scheduled(cron = "${casetrail.web.session-cleanup-cron:0 * * * * *}")
    void deleteExpired() {
        if (sessions != null) {
            sessions.cleanUpExpiredSessions();
        }
    }
}
