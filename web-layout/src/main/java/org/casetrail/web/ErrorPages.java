package org.casetrail.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** The error page, for refusals made before a controller is reached (the security filters'). */
@PageController
class ErrorPages {

    private final PageErrorResolver errors;

    ErrorPages(PageErrorResolver errors) {
        this.errors = errors;
    }

    static final String STATUS = "casetrail.error.status";
    static final String MESSAGE = "casetrail.error.message";

    @RequestMapping("/error-page")
    ModelAndView error(HttpServletRequest request) {
        Object status = request.getAttribute(STATUS);
        HttpStatus known = status instanceof Integer code ? HttpStatus.resolve(code) : null;
        Object message = request.getAttribute(MESSAGE);
        return errors.view(request, known == null ? HttpStatus.NOT_FOUND : known,
                                      message instanceof String text ? text : null);
    }

    static String title(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Page not found";
            case FORBIDDEN -> "You cannot do this";
            case CONFLICT -> "Someone else changed this record";
            case UNPROCESSABLE_ENTITY -> "This cannot be done";
            case BAD_REQUEST -> "Something in the request was not right";
            case SERVICE_UNAVAILABLE -> "Casetrail is busy: try again in a moment";
            default -> status.is5xxServerError() ? "Sorry, there is a problem with the service"
                    : status.getReasonPhrase();
        };
    }
}
