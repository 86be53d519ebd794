package org.casetrail.query.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.casetrail.events.audit.RecordViewedEvent;
import org.casetrail.platform.messaging.RequestMetaData;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records every read of case data as an event before it is answered: who, what, when and from where, in the
 * same tamper-evident trail as the writes. If the read cannot be recorded it is not answered.
 */
@Configuration(proxyBeanMethods = false)
class AccessLog implements HandlerInterceptor, WebMvcConfigurer {

    private static final Pattern CASE = Pattern.compile("^/api/cases/([0-9a-fA-F-]{36})(?:/.*)?$");
    private static final Pattern RECORD = Pattern.compile("^/api/(?:cases|contacts|risks|actions|sessions|"
            + "guidance-requests)/([0-9a-fA-F-]{36})(?:/.*)?$");

    private final EventBus events;

    AccessLog(EventBus events) {
        this.events = events;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("GET".equals(request.getMethod())) {
            String path = request.getRequestURI();
            events.publish(GenericEventMessage.asEventMessage(new RecordViewedEvent(path, request.getQueryString(),
                    group(CASE, path), group(RECORD, path))).andMetaData(RequestMetaData.current()));
        }
        return true;
    }

    private static String group(Pattern pattern, String path) {
        Matcher matcher = pattern.matcher(path);
        return matcher.matches() ? matcher.group(1).toLowerCase() : null;
    }
}
