package org.casetrail.platform.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request must be before any handler sees it: a body's {@code Content-Type}, when given, names one
 * media type (not {@code *}{@code /*} or {@code application/*}, which say nothing about how to read it: 415), and
 * query parameters meet the same text rules as bodies ({@link InputRules}): one holding a control character (a
 * {@code %00}, say) is refused as bad input naming it (400).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestRules extends OncePerRequestFilter {

    private final Problems problems;

    RequestRules(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!definiteContentType(request.getContentType())) {
            problems.write(response, Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must name one media type; send the body as application/json"), Map.of());
            return;
        }
        List<Problems.FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            boolean bad = InputRules.textOrNull(parameter.getKey()) == null;
            for (String value : parameter.getValue()) {
                bad |= value != null && InputRules.textOrNull(value) == null;
            }
            if (bad) {
                String name = InputRules.textOrNull(parameter.getKey()) == null ? "(a parameter name)" : parameter.getKey();
                errors.add(new Problems.FieldError(name, InputRules.TEXT));
            }
        }
        if (!errors.isEmpty()) {
            problems.write(response, Problems.invalid(errors.get(0).field() + " " + errors.get(0).message(), errors),
                           Map.of());
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean definiteContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
