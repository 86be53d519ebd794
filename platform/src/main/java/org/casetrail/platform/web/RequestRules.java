package org.casetrail.platform.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request must be before any handler sees it: a body of at most {@link #MAX_BODY} bytes (413), a body's {@code Content-Type}, when given, names one
 * media type (not {@code *}{@code /*} or {@code application/*}, which say nothing about how to read it: 415), and
 * query parameters meet the same text rules as bodies ({@link InputRules}): one holding a control character (a
 * {@code %00}, say) is refused as bad input naming it (400); a {@code Time-Zone} header names a zone (400).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestRules extends OncePerRequestFilter {

    /** The largest body a request may have: well above the largest record (50,000 characters of text). */
    static final long MAX_BODY = 1024 * 1024;

    /** The header a client names the zone its times are shown in with (read by {@code request.TimeZones}). */
    static final String TIME_ZONE = "Time-Zone";

    private final Problems problems;

    RequestRules(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            problems.write(response, tooLarge(), Map.of());
            return;
        }
        if (!definiteContentType(request.getContentType())) {
            problems.write(response, Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must name one media type; send the body as application/json"), Map.of());
            return;
        }
        String zone = request.getHeader(TIME_ZONE);
        if (zone != null && !isZone(zone)) {
            problems.write(response, Problems.invalid(TIME_ZONE + " must name a time zone, such as Europe/London",
                    List.of(new Problems.FieldError(TIME_ZONE, "is not a time zone"))), Map.of());
            return;
        }
        if (isForm(request)) {
            // A page's form: each field is read, under the same text rules, by the form that takes it, and a field
            // it cannot take goes back to that form with a message in words (not a problem document).
            chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request) : request, response);
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
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request) : request, response);
    }

    /** A zone name as {@code ZoneId} reads it ({@code Europe/London}, {@code UTC}, {@code +01:00}). */
    private static boolean isZone(String zone) {
        try {
            java.time.ZoneId.of(zone.trim());
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
               && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    public static ProblemDetail tooLarge() {
        return Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "BODY_TOO_LARGE",
                "The request body is larger than " + MAX_BODY / 1024 + " KiB");
    }

    /** Read past the limit: thrown from the body's stream, where no length was given up front. */
    public static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("The request body is larger than " + MAX_BODY + " bytes");
        }
    }

    /** A body without a length (chunked) is read only up to the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream in = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > MAX_BODY) {
                            throw new BodyTooLarge();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > MAX_BODY) {
                            throw new BodyTooLarge();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding()));
        }
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
