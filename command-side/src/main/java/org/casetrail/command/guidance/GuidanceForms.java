package org.casetrail.command.guidance;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.casetrail.command.guidance.GuidanceCommands.GiveGuidanceCommand;
import org.casetrail.command.guidance.GuidanceCommands.RequestGuidanceCommand;
import org.casetrail.command.web.CommandDispatcher;
import org.casetrail.events.guidance.Urgency;
import org.casetrail.platform.web.Ids;
import org.casetrail.web.FormPost;
import org.casetrail.web.FormReader;
import org.casetrail.web.PageController;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A practitioner's request for a manager's guidance (heading 6), and the manager's answer. */
@PageController
class GuidanceForms {

    private final CommandDispatcher commands;

    GuidanceForms(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/contacts/{contactId}/guidance/new")
    String request(@PathVariable String contactId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("contact", contactId);
        FormPost post = FormPost.of(request, redirect).summaryField("question");
        FormReader form = post.form();
        String question = form.text("question", "The question for your manager", 10_000, true);
        Urgency urgency = form.choice("urgency", "How urgent it is", Urgency.class, true);
        String reasonAfterSigning = form.reasonAfterSigning();
        return post.send(() -> {
            String requestId = UUID.randomUUID().toString();
            commands.create(new RequestGuidanceCommand(requestId, id, question, urgency,
                                                       reasonAfterSigning));
            return "/contacts/" + id + "?expect=" + requestId;
        }, "/contacts/" + id);
    }

    /** Managers only (the page security says so before this is reached; the aggregate checks it again). */
    @PostMapping("/guidance/{requestId}/answer")
    String answer(@PathVariable String requestId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("guidance request", requestId);
        FormPost post = FormPost.of(request, redirect).summaryField("guidance");
        FormReader form = post.form();
        String guidance = form.text("guidance", "Your guidance", 10_000, true);
        return post.send(() -> "/guidance/" + id + "/answer?minVersion="
                               + commands.send(new GiveGuidanceCommand(id, guidance, null)),
                         "/guidance/" + id + "/answer");
    }
}
