package org.casetrail.platform.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Spring MVC's handler lookup, with each mapping first asked whether the request's path can be one of its paths at
 * all. For a path with a variable in it (most of Casetrail's), Spring MVC tries every mapping there is, and each
 * mapping checks the request's method (through every wrapper the filters put round the request), parameters,
 * headers and media types before its path; this class passes over a mapping whose path patterns' literal beginnings
 * ({@code /api/contacts/} of {@code /api/contacts/{id}/actions}) the path does not start with, in one string
 * comparison. A mapping that passes is matched by Spring MVC as before, so which handler answers does not change.
 *
 * <p>The comparison is made on the path as the request gives it. It is skipped (every mapping tried as before) when
 * that could differ from what the patterns are matched against: a path with percent-encoding in it (the patterns
 * match decoded segments), or patterns that ignore case.
 */
@Configuration(proxyBeanMethods = false)
public class PathFirstHandlerLookup {

    @Bean
    WebMvcRegistrations pathFirstHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new Mapping();
            }
        };
    }

    /** The handler mapping of the controllers' {@code @RequestMapping}s. */
    public static final class Mapping extends RequestMappingHandlerMapping {

        /** The path of the lookup under way on this thread, when it may be compared as it is; otherwise null. */
        private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();
        private static final String[] ANY_PATH = {""};

        private final Map<RequestMappingInfo, String[]> beginnings = new ConcurrentHashMap<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            String outer = LOOKUP_PATH.get();
            LOOKUP_PATH.set(comparable(lookupPath) ? lookupPath : null);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                if (outer == null) {
                    LOOKUP_PATH.remove();
                } else {
                    LOOKUP_PATH.set(outer);
                }
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String path = LOOKUP_PATH.get();
            if (path != null && !mayMatch(info, path)) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private boolean comparable(String lookupPath) {
            return lookupPath.indexOf('%') < 0 && getPatternParser() != null && getPatternParser().isCaseSensitive();
        }

        /** False only if none of the mapping's path patterns can match {@code path}, as the request gives it. */
        public boolean mayMatch(RequestMappingInfo info, String path) {
            for (String beginning : beginnings.computeIfAbsent(info, Mapping::literalBeginnings)) {
                if (path.startsWith(beginning)) {
                    return true;
                }
            }
            return false;
        }

        /** What each of the mapping's path patterns begins with before its first variable or wildcard. */
        private static String[] literalBeginnings(RequestMappingInfo info) {
            if (info.getPathPatternsCondition() == null || info.getPathPatternsCondition().getPatterns().isEmpty()) {
                return ANY_PATH;
            }
            return info.getPathPatternsCondition().getPatterns().stream()
                    .map(PathPattern::getPatternString)
                    .map(Mapping::literalBeginning)
                    .toArray(String[]::new);
        }

        public static String literalBeginning(String pattern) {
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '{' || c == '*' || c == '?' || c == '\\') {
                    return pattern.substring(0, i);
                }
            }
            return pattern;
        }
    }
}
