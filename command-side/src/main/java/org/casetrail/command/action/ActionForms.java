package org.casetrail.command.action;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.casetrail.command.action.ActionCommands.AssignActionCommand;
import org.casetrail.command.action.ActionCommands.CancelActionCommand;
import org.casetrail.command.action.ActionCommands.CompleteActionCommand;
import org.casetrail.command.action.ActionCommands.ReassignActionCommand;
import org.casetrail.command.action.ActionCommands.RedateActionCommand;
import org.casetrail.command.web.CommandDispatcher;
import org.casetrail.events.action.ActionTerm;
import org.casetrail.platform.web.Ids;
import org.casetrail.web.FormPost;
import org.casetrail.web.FormReader;
import org.casetrail.web.PageController;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Heading 6 in a browser: an action agreed in a contact; then completed, cancelled, reassigned or re-dated. */
@PageController
class ActionForms {

    private final CommandDispatcher commands;

    ActionForms(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/contacts/{contactId}/actions/new")
    String assign(@PathVariable String contactId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("contact", contactId);
        FormPost post = FormPost.of(request, redirect).summaryField("description");
        FormReader form = post.form();
        String description = form.text("description", "What is to be done", 10_000, true);
        String assignee = form.text("assignee", "Who will do it", 200, true);
        LocalDate due = form.date("due", "The due date", true);
        ActionTerm term = form.choice("term", "Whether it is short or long term", ActionTerm.class, true);
        String outcome = form.text("expected-outcome", "The outcome it will be measured by", 2_000, false);
        String reasonAfterSigning = form.reasonAfterSigning();
        return post.send(() -> {
            String actionId = UUID.randomUUID().toString();
            commands.create(new AssignActionCommand(actionId, id, description, assignee, due, term,
                                                    reasonAfterSigning, outcome));
            return "/contacts/" + id + "?expect=" + actionId;
        }, "/contacts/" + id);
    }

    @PostMapping("/actions/{actionId}/complete")
    String complete(@PathVariable String actionId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("action", actionId);
        FormPost post = FormPost.of(request, redirect).summaryField("outcome");
        FormReader form = post.form();
        String contactId = form.chosenId("contact", "The contact", "Choose the contact it was done in");
        String outcome = form.text("outcome", "The outcome", 10_000, true);
        long version = form.version();
        return post.send(() -> done(id, "complete", commands.send(new CompleteActionCommand(id, contactId, outcome,
                                                                                             version - 1))),
                         "/actions/" + id + "/complete");
    }

    @PostMapping("/actions/{actionId}/cancel")
    String cancel(@PathVariable String actionId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("action", actionId);
        return FormPost.of(request, redirect).reason("The reason", (reason, expected) -> commands.send(
                new CancelActionCommand(id, reason, expected)), version -> done(id, "cancel", version));
    }

    @PostMapping("/actions/{actionId}/reassign")
    String reassign(@PathVariable String actionId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("action", actionId);
        FormPost post = FormPost.of(request, redirect).summaryField("assignee");
        String assignee = post.form().text("assignee", "Who will do it now", 200, true);
        String reason = post.form().text("reason", "The reason", 2_000, true);
        long version = post.form().version();
        return post.send(() -> done(id, "reassign", commands.send(new ReassignActionCommand(id, assignee, reason,
                                                                                             version - 1))),
                         "/actions/" + id + "/reassign");
    }

    @PostMapping("/actions/{actionId}/due-date")
    String redate(@PathVariable String actionId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("action", actionId);
        FormPost post = FormPost.of(request, redirect).summaryField("due-day");
        LocalDate due = post.form().date("due", "The due date", true);
        String reason = post.form().text("reason", "The reason", 2_000, true);
        long version = post.form().version();
        return post.send(() -> done(id, "due-date", commands.send(new RedateActionCommand(id, due, reason,
                                                                                           version - 1))),
                         "/actions/" + id + "/due-date");
    }

    private static String done(String actionId, String step, long version) {
        return "/actions/" + actionId + "/" + step + "?done=" + version;
    }
}
