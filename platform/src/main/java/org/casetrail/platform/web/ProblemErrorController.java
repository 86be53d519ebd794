package org.casetrail.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.casetrail.platform.db.DatabaseUnavailable;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors the servlet container forwards to {@code /error} (a failure in a filter, say) as problem+json like the
 * rest, never Spring's default body; {@code /error} asked for directly is a path like any other that names nothing.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable t && DatabaseUnavailable.is(t)) {
            return ProblemHandling.unavailable();
        }
        HttpStatus known = status instanceof Integer code ? HttpStatus.resolve(code) : null;
        if (known == null) {
            return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such path"));
        }
        return Problems.respond(Problems.problem(known, known.is5xxServerError()
                ? "Something went wrong on our side; quote the correlation id when reporting it"
                : known.getReasonPhrase()));
    }
}
