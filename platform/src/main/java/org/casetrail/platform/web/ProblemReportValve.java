package org.casetrail.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers (a request line or header too long, a control character or an encoded slash in the
 * path: refused before Spring sees the request) as problem+json like every other error, instead of an HTML page.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? null : known.getReasonPhrase();
        String detail = status == 400 ? "The request is malformed: its path, query or headers cannot be read "
                                        + "(too long, a control character, or an encoded slash)"
                : title == null ? "The request could not be served" : title;
        String json = "{\"type\":\"about:blank\",\"title\":" + quote(title == null ? "Error" : title)
                      + ",\"status\":" + status + ",\"detail\":" + quote(detail) + "}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone; nothing more to say.
        }
        response.getCoyoteResponse().action(ActionCode.CLOSE, null);
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
