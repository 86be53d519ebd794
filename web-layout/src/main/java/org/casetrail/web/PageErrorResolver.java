package org.casetrail.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.casetrail.platform.db.DatabaseUnavailable;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.messaging.NotPermitted;
import org.casetrail.platform.messaging.Refusal;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.web.InvalidFields;
import org.casetrail.platform.web.ServiceBusy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Failures of page requests as pages in the service's design, with the status the API would give; API requests
 * are left to the problem+json handling. Nothing unexpected shows detail: it is logged with the correlation id,
 * which the page shows.
 */
@Component
class PageErrorResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(PageErrorResolver.class);

    private final Assets assets;

    PageErrorResolver(Assets assets) {
        this.assets = assets;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        if (!Pages.isPage(request)) {
            return null;
        }
        HttpStatus status = statusOf(e);
        String message = null;
        if (e instanceof Refusal refusal && !(e instanceof ServiceBusy)) {
            message = Refusals.words(refusal.code(), refusal.getMessage());
        } else if (e instanceof NotFound) {
            message = e.getMessage();
        }
        if (status.is5xxServerError() && status != HttpStatus.SERVICE_UNAVAILABLE) {
            log.error("Page request failed: {} {}", request.getMethod(), request.getRequestURI(), e);
        }
        return view(request, status, message);
    }

    /** Answers with the error page from outside a controller (a refusal by the security filters). */
    void render(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message)
            throws IOException, ServletException {
        request.setAttribute(ErrorPages.STATUS, status.value());
        request.setAttribute(ErrorPages.MESSAGE, message);
        request.getRequestDispatcher("/error-page").forward(request, response);
    }

    /** The error page; the layout's model is added here, as no controller advice runs for it. */
    ModelAndView view(HttpServletRequest request, HttpStatus status, String message) {
        var view = new ModelAndView("error/page", Map.of("status", status.value(),
                "title", ErrorPages.title(status), "correlationId", String.valueOf(MDC.get("correlationId")),
                "user", CurrentUser.find(), "currentPath", Pages.path(request), "govuk", assets.govukBase()));
        if (message != null) {
            view.addObject("message", message);
        }
        view.setStatus(status);
        return view;
    }

    private static HttpStatus statusOf(Exception e) {
        if (e instanceof ServiceBusy || DatabaseUnavailable.is(e)) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (e instanceof NotFound || e instanceof AggregateNotFoundException || e instanceof NoResourceFoundException
            || e instanceof NoHandlerFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof NotPermitted || e instanceof AccessDeniedException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof Refusal) {
            return HttpStatus.UNPROCESSABLE_ENTITY;
        }
        if (e instanceof ConflictingModificationException || e instanceof ConcurrencyException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof InvalidFields || e instanceof MethodArgumentTypeMismatchException
            || e instanceof MissingServletRequestParameterException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (e instanceof HttpRequestMethodNotSupportedException) {
            return HttpStatus.METHOD_NOT_ALLOWED;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
