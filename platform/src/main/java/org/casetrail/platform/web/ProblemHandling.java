package org.casetrail.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.casetrail.platform.db.ConcurrentWrites;
import org.casetrail.platform.db.DatabaseUnavailable;
import org.casetrail.platform.messaging.DomainRuleViolation;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.messaging.NotPermitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.validation.ConstraintViolationException;

/**
 * Turns every failure into a problem+json response. Input the caller must fix is a 400 naming the field;
 * a refused rule is a 422 with a stable code; a stale version is a 409. Nothing unexpected leaks detail: it is
 * logged with the correlation id and answered with a bare 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandling {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private static final String OUTCOME_UNKNOWN = "The database went away as the change was being stored, so it may "
            + "or may not have been: read the record, or send it again with the same Idempotency-Key, shortly";

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> invalidBody(BindException e) {
        List<Problems.FieldError> errors = new ArrayList<>();
        e.getFieldErrors().forEach(f -> errors.add(new Problems.FieldError(f.getField(), f.getDefaultMessage())));
        e.getGlobalErrors().forEach(g -> errors.add(new Problems.FieldError(g.getObjectName(), g.getDefaultMessage())));
        return Problems.respond(Problems.invalid(summary(errors), errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<Problems.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new Problems.FieldError(result.getMethodParameter().getParameterName(),
                                                   error.getDefaultMessage()))));
        return Problems.respond(Problems.invalid(summary(errors), errors));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<Problems.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problems.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        return Problems.respond(Problems.invalid(summary(errors), errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof RequestRules.BodyTooLarge) {
                return Problems.respond(RequestRules.tooLarge());
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping && truncated(mapping)) {
            return Problems.respond(Problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON",
                    "The body is not valid JSON: it ends before it is complete"));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            String message = describe(mapping);
            var errors = List.of(new Problems.FieldError(field, message));
            return Problems.respond(Problems.invalid(field + " " + message, errors));
        }
        if (cause instanceof JsonMappingException) {
            return Problems.respond(Problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                    "The body must be a JSON object of the documented shape"));
        }
        if (cause instanceof JsonProcessingException parse) {
            var at = parse.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return Problems.respond(Problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON",
                    "The body is not valid JSON" + where));
        }
        return Problems.respond(Problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "The request body is missing or cannot be read"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        String message = "cannot be read as " + readable(e.getRequiredType());
        var errors = List.of(new Problems.FieldError(e.getName(), message));
        return Problems.respond(Problems.invalid(e.getName() + " " + message, errors));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        var errors = List.of(new Problems.FieldError(e.getParameterName(), "is required"));
        return Problems.respond(Problems.invalid(e.getParameterName() + " is required", errors));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        var errors = List.of(new Problems.FieldError(e.getHeaderName(), "header is required"));
        return Problems.respond(Problems.invalid(e.getHeaderName() + " header is required", errors));
    }

    @ExceptionHandler(InvalidFields.class)
    ResponseEntity<ProblemDetail> invalidFields(InvalidFields e) {
        return Problems.respond(Problems.invalid(summary(e.errors()), e.errors()));
    }

    @ExceptionHandler(DomainRuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(DomainRuleViolation e) {
        return Problems.respond(Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, e.code(), e.getMessage()));
    }

    @ExceptionHandler(NotPermitted.class)
    ResponseEntity<ProblemDetail> notPermitted(NotPermitted e) {
        return Problems.respond(Problems.problem(HttpStatus.FORBIDDEN, e.code(), e.getMessage()));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException e) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND",
                "No record with id " + e.getAggregateIdentifier()));
    }

    @ExceptionHandler({ConflictingModificationException.class, ConcurrencyException.class, EventStoreException.class})
    ResponseEntity<ProblemDetail> staleVersion(RuntimeException e, HttpServletRequest request) {
        if (ConcurrentWrites.decidedOnOldState(e)) {
            // Sent again (by the code around the command), it is decided on the stored state.
            request.setAttribute(ConcurrentWrites.LOST_RACE, true);
        }
        if (ConcurrentWrites.lostRace(e)) {
            return Problems.respond(Problems.problem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE",
                    "Someone changed this record at the same moment; nothing was stored; send it again"));
        }
        if (e instanceof EventStoreException) {
            return unexpected(e);
        }
        return Problems.respond(Problems.problem(HttpStatus.CONFLICT, "STALE_VERSION",
                "The record has changed since the version you sent; read it again and retry"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return Problems.respond(Problems.problem(HttpStatus.FORBIDDEN, "FORBIDDEN_FOR_ROLE",
                "Your role may not do this"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException e) {
        return Problems.respond(Problems.problem(HttpStatus.METHOD_NOT_ALLOWED,
                e.getMethod() + " is not supported here"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongContentType(HttpMediaTypeNotSupportedException e) {
        return Problems.respond(Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Send the body as application/json"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_ACCEPTABLE,
                "This resource is available as " + e.getSupportedMediaTypes()));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ProblemDetail> noSuchPath(Exception e) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such path"));
    }

    @ExceptionHandler(ServiceBusy.class)
    ResponseEntity<ProblemDetail> busy(ServiceBusy e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                             .header("Retry-After", "1")
                             .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                             .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, e.code(), e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.is(e)) {
            log.warn("The database cannot be reached: {}", e.getMessage());
            return DatabaseUnavailable.outcomeUnknown(e) ? unavailable(OUTCOME_UNKNOWN) : unavailable();
        }
        log.error("Unexpected failure", e);
        return Problems.respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; quote the correlation id when reporting it"));
    }

    /** The database is restarting or failing over: nothing was stored; try again in a few seconds. */
    static ResponseEntity<ProblemDetail> unavailable() {
        return unavailable("The database cannot be reached just now; nothing was stored; retry shortly");
    }

    private static ResponseEntity<ProblemDetail> unavailable(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                             .header("Retry-After", "5")
                             .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                             .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "DATABASE_UNAVAILABLE", detail));
    }

    /** Jackson reports a body cut short inside an object as a mapping problem of the field it was reading. */
    private static boolean truncated(JsonMappingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unexpected end-of-input");
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof InputRules.InputRefused refused) {
            return refused.reason();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return "must be one of " + List.of(f.getTargetType().getEnumConstants());
        }
        if (e instanceof InvalidFormatException f) {
            return "cannot be read as " + readable(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return "must be " + readable(m.getTargetType());
        }
        return "is not valid";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String readable(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        return switch (type.getSimpleName()) {
            case "Instant", "OffsetDateTime" -> "an ISO-8601 instant with an offset, e.g. 2026-03-01T10:15:00Z";
            case "LocalDate" -> "a date, yyyy-mm-dd";
            case "String" -> "a string";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "List", "Set" -> "an array";
            default -> type.isEnum() ? "one of " + List.of(type.getEnumConstants())
                    : type.isRecord() ? "an object" : "a " + type.getSimpleName();
        };
    }

    private static String summary(List<Problems.FieldError> errors) {
        return errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
    }
}
