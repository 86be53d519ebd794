package org.casetrail.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.casetrail.platform.messaging.Refusal;
import org.casetrail.platform.web.InvalidFields;
import org.casetrail.platform.web.Problems;
import org.casetrail.platform.web.ServiceBusy;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How the command side takes a form: read it, and if it reads, send its commands and redirect to the page that
 * shows the result (post/redirect/get). A form that does not read, or a command a rule refuses, goes back to the
 * form with the user's values and the reasons in words. A change that lost to someone else's (a stale version)
 * goes to the page that says what changed, the user's values kept for when they return to the form.
 */
public final class FormPost {

    static final String CHANGED_NOTICE = "Someone else changed this record while you were editing it. We kept what "
                                         + "you typed: check it against their change and save again.";

    private final HttpServletRequest request;
    private final RedirectAttributes redirect;
    private final FormReader form;
    private String summaryField = "main-content";
    private final java.util.Map<String, String> fieldIds = new java.util.HashMap<>();

    private FormPost(HttpServletRequest request, RedirectAttributes redirect) {
        this.request = request;
        this.redirect = redirect;
        this.form = new FormReader(request);
    }

    public static FormPost of(HttpServletRequest request, RedirectAttributes redirect) {
        return new FormPost(request, redirect);
    }

    public FormReader form() {
        return form;
    }

    /** The field a refusal that names none (a rule of the record as a whole) links to. */
    public FormPost summaryField(String field) {
        this.summaryField = field;
        return this;
    }

    /** Where a field the command side names (as the API does) sits on this form. */
    public FormPost field(String apiField, String formField) {
        fieldIds.put(apiField, formField);
        return this;
    }

    /**
     * Sends what {@code send} sends, unless the form had errors, and answers the redirect it returns; a stale
     * version goes to {@code changedPage}.
     */
    public String send(Supplier<String> send, String changedPage) {
        if (form.failed()) {
            return Forms.refused(request, redirect, form.errors());
        }
        try {
            return "redirect:" + send.get();
        } catch (InvalidFields e) {
            List<FormState.FieldMessage> errors = new ArrayList<>();
            for (Problems.FieldError error : e.errors()) {
                String field = fieldIds.getOrDefault(error.field(), summaryField);
                errors.add(new FormState.FieldMessage(field, sentence(error.message())));
            }
            return Forms.refused(request, redirect, errors);
        } catch (ServiceBusy e) {
            throw e;
        } catch (Refusal e) {
            return Forms.refused(request, redirect,
                                 List.of(new FormState.FieldMessage(summaryField, Refusals.words(e.code(),
                                                                                                 e.getMessage()))));
        } catch (ConflictingModificationException | ConcurrencyException e) {
            Forms.keep(request, CHANGED_NOTICE);
            return "redirect:" + changedPage;
        }
    }

    /** A command taking a reason and the version it expects; answers the version it wrote. */
    public interface ReasonCommand {
        long send(String reason, long expectedSequence);
    }

    /**
     * A form of one required reason and the version it was loaded at (cancel, close, reopen, discard...): sends
     * {@code command} with them and goes to {@code done} with the version written; a stale version goes back to
     * the form, the reason kept.
     */
    public String reason(String label, ReasonCommand command, LongFunction<String> done) {
        summaryField("reason");
        String reason = form.text("reason", label, 2_000, true);
        long version = form.version();
        return send(() -> done.apply(command.send(reason, version - 1)), Pages.path(request));
    }

    private static String sentence(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
