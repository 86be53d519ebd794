package org.casetrail.platform.web;

import java.util.List;

/** Input the caller must fix, found outside bean validation, naming every bad field (400). */
public class InvalidFields extends RuntimeException {

    private final List<Problems.FieldError> errors;

    public InvalidFields(List<Problems.FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public InvalidFields(String field, String message) {
        this(List.of(new Problems.FieldError(field, message)));
    }

    public List<Problems.FieldError> errors() {
        return errors;
    }
}
