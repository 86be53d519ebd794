package org.casetrail.web;

import jakarta.servlet.http.HttpServletRequest;

/** Which requests are for pages in a browser, and which for the JSON API and operations. */
public final class Pages {

    private static final String[] NOT_PAGES = {"/api/", "/actuator", "/v3/api-docs", "/swagger-ui"};

    private Pages() {
    }

    /** True for every path but the API's, the operations endpoints' and the API reference's. */
    public static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api")) {
            return false;
        }
        for (String prefix : NOT_PAGES) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** The path of the request within the service, without its query. */
    public static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
