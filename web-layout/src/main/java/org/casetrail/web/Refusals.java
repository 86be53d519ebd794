package org.casetrail.web;

import java.util.Map;

/**
 * A refusal's code in words a practitioner acts on: what happened and what to do. The API answers the code; pages
 * answer these.
 */
public final class Refusals {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("CASE_CLOSED", "This case is closed, so nothing new can be recorded on it. Ask a manager to "
                                     + "reopen it if work has started again."),
            Map.entry("CASE_ALREADY_CLOSED", "This case is already closed."),
            Map.entry("CASE_NOT_CLOSED", "This case is open, so it cannot be reopened."),
            Map.entry("CONTACT_FINALISED", "This contact has been signed, so it can no longer be edited. Add an "
                                           + "addendum or a correction instead."),
            Map.entry("CONTACT_DISCARDED", "This draft has been discarded, so it can no longer be changed."),
            Map.entry("CONTACT_INCOMPLETE", "The contact cannot be signed yet: complete who was there, where and "
                                            + "when (with the end time), the purpose and what took place first."),
            Map.entry("CONTACT_NOT_FINALISED", "This contact is still a draft: edit its headings instead, and sign it "
                                               + "before adding an addendum or a correction."),
            Map.entry("REASON_AFTER_SIGNING_REQUIRED", "This contact is signed: say why you are adding this after "
                                                       + "signing, or record it in a new contact."),
            Map.entry("CONTACT_NOT_SIGNED", "This contact is still a draft: what you add is part of the note when it "
                                            + "is signed, so leave the reason for adding it after signing empty."),
            Map.entry("CONTACT_NOT_IN_CASE", "That contact belongs to another case."),
            Map.entry("CORRECTION_MISMATCH", "The correction does not match the heading chosen."),
            Map.entry("END_BEFORE_START", "The end must be after the start."),
            Map.entry("PLAN_NOT_IN_CASE", "Link only this case's own plans."),
            Map.entry("PLAN_ALREADY_RECORDED", "That plan has already been recorded."),
            Map.entry("SESSION_NOT_IN_CASE", "That session belongs to another case."),
            Map.entry("SESSION_NOT_BOOKED", "That session is no longer booked: it was held, cancelled, missed or "
                                            + "recorded as no access."),
            Map.entry("RISK_CLOSED", "This risk has been closed, so it can no longer be reviewed."),
            Map.entry("ACTION_COMPLETED", "This action has already been completed."),
            Map.entry("ACTION_CANCELLED", "This action has been cancelled."),
            Map.entry("GUIDANCE_ALREADY_GIVEN", "Guidance has already been given on this request."),
            Map.entry("MANAGER_ONLY", "Only a manager may do this."),
            Map.entry("NOT_AUTHOR", "Only the author of this contact, or a manager, may change it."),
            Map.entry("FORBIDDEN_FOR_ROLE", "Your role may not do this."),
            Map.entry("CONCURRENT_CHANGE", "Someone else changed this record at the same moment. Check it and try "
                                           + "again."));

    private Refusals() {
    }

    /** The words for a code; an unknown code (a new rule) falls back to the rule's own message. */
    public static String words(String code, String message) {
        return WORDS.getOrDefault(code, message);
    }
}
