package org.casetrail.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Keeps what a user typed. A form refused by the command side goes back to its page with the values and the
 * messages (a flash attribute); a form posted after the session ended is kept in the new session and offered
 * back once the user has signed in again ({@link KeptForms}). Each form posts to the path of the page that shows
 * it, so "back to the form" is always a GET of the same path.
 */
public final class Forms {

    static final String FLASH = "casetrail.form";
    static final String KEPT = "casetrail.kept-form";
    static final String KEPT_PATH = "casetrail.kept-form-path";
    private static final String CSRF_PARAMETER = "_csrf";

    private Forms() {
    }

    /** The posted fields, as typed, without the CSRF token. */
    public static Map<String, List<String>> posted(HttpServletRequest request) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, given) -> {
            if (!CSRF_PARAMETER.equals(name)) {
                values.put(name, new ArrayList<>(Arrays.asList(given)));
            }
        });
        return values;
    }

    /**
     * What the form on this page should show: values kept from a refusal or from before a sign-in (taken, so they
     * are offered once), else an empty state to be filled from the record with {@link FormState#or}.
     */
    public static FormState state(HttpServletRequest request) {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        if (flash != null && flash.get(FLASH) instanceof FormState refused) {
            return refused;
        }
        HttpSession session = request.getSession(false);
        if (session != null && Pages.path(request).equals(session.getAttribute(KEPT_PATH))
            && session.getAttribute(KEPT) instanceof FormState kept) {
            session.removeAttribute(KEPT);
            session.removeAttribute(KEPT_PATH);
            return kept;
        }
        return FormState.empty();
    }

    /** The page of a form kept for the user (after a sign-in, or a change that lost to someone else's), or null. */
    public static String keptPath(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(KEPT_PATH);
    }

    /** Sends the user back to the form they posted, with what they typed and what was wrong. */
    public static String refused(HttpServletRequest request, RedirectAttributes redirect,
                                 List<FormState.FieldMessage> errors) {
        redirect.addFlashAttribute(FLASH, new FormState(posted(request), errors, null));
        return "redirect:" + Pages.path(request);
    }

    /** Keeps the posted form for after a sign-in, to be offered back on its page with {@code notice}. */
    static void keep(HttpServletRequest request, String notice) {
        HttpSession session = request.getSession(true);
        session.setAttribute(KEPT, new FormState(posted(request), List.of(), notice));
        session.setAttribute(KEPT_PATH, Pages.path(request));
    }
}
