package org.casetrail.audit;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.casetrail.events.audit.RecordViewedEvent;
import org.casetrail.platform.request.RequestMetaData;
import org.casetrail.platform.web.Ids;
import org.casetrail.web.PageController;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Records every read of case data (GET, and HEAD, which Spring answers with the same handler) as an event before
 * it is answered: who, what, when and from where, in the same tamper-evident trail as the writes. If the read
 * cannot be recorded it is not answered. The case and record a read concerns come from its handler's
 * {@link AuditedRead}, so a new read endpoint says what it reads where it is declared; the service does not start
 * while one under {@code /api} leaves it out. The request is recorded before its ids are checked, so only ids in
 * Casetrail's own form are recorded as ids; whatever was asked for is in the path recorded beside them.
 */
@Configuration(proxyBeanMethods = false)
class AccessLog implements HandlerInterceptor, WebMvcConfigurer, ApplicationListener<ApplicationStartedEvent> {

    private final EventBus events;

    AccessLog(EventBus events) {
        this.events = events;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/**").excludePathPatterns("/casetrail/**", "/webjars/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            AuditedRead read = handler instanceof HandlerMethod method ? method.getMethodAnnotation(AuditedRead.class)
                    : null;
            if (read == null && !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                return true;
            }
            String caseId = Ids.canonicalOrNull(variable(request, read == null ? "" : read.caseId()));
            String recordId = Ids.canonicalOrNull(variable(request, read == null ? "" : read.recordId()));
            events.publish(GenericEventMessage.asEventMessage(new RecordViewedEvent(request.getRequestURI(),
                    request.getQueryString(), caseId, recordId == null ? caseId : recordId))
                    .andMetaData(RequestMetaData.current()));
        }
        return true;
    }

    /** Fails the start while a GET handler under /api, or a page of the query side, does not say what it reads. */
    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        List<String> unmarked = unmarkedReads(event.getApplicationContext()
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods());
        if (!unmarked.isEmpty()) {
            throw new IllegalStateException("Read handlers under /api or pages without @AuditedRead: " + unmarked);
        }
    }

    static List<String> unmarkedReads(Map<RequestMappingInfo, HandlerMethod> handlers) {
        return handlers.entrySet().stream()
                .filter(e -> e.getKey().getMethodsCondition().getMethods().isEmpty()
                             || e.getKey().getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .filter(e -> e.getKey().getPatternValues().stream().anyMatch(p -> p.startsWith("/api/")
                                                                                  || p.equals("/api"))
                             || isCaseDataPage(e.getValue()))
                .filter(e -> !e.getValue().hasMethodAnnotation(AuditedRead.class))
                .map(e -> e.getKey().getPatternValues() + " " + e.getValue().getShortLogMessage())
                .sorted()
                .toList();
    }

    /** A page of the query side's: every one of them shows case data or the trail (sign-in is the web layout's). */
    private static boolean isCaseDataPage(HandlerMethod handler) {
        Class<?> type = handler.getBeanType();
        return AnnotatedElementUtils.hasAnnotation(type, PageController.class)
               && (type.getPackageName().startsWith("org.casetrail.query")
                   || type.getPackageName().startsWith("org.casetrail.audit"));
    }

    /** The path variable, else the query parameter, of that name; empty when neither is there. */
    @SuppressWarnings("unchecked")
    private static String variable(HttpServletRequest request, String name) {
        if (name.isEmpty()) {
            return "";
        }
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String value = variables == null ? null : variables.get(name);
        if (value == null) {
            value = request.getParameter(name);
        }
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
