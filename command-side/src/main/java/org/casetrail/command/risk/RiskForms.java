package org.casetrail.command.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.casetrail.command.risk.RiskCommands.CloseRiskCommand;
import org.casetrail.command.risk.RiskCommands.IdentifyRiskCommand;
import org.casetrail.command.risk.RiskCommands.ReviewRiskCommand;
import org.casetrail.command.web.CommandDispatcher;
import org.casetrail.events.risk.Professional;
import org.casetrail.events.risk.RiskAspect;
import org.casetrail.events.risk.RiskCategory;
import org.casetrail.events.risk.Severity;
import org.casetrail.platform.web.Ids;
import org.casetrail.web.FormPost;
import org.casetrail.web.FormReader;
import org.casetrail.web.PageController;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Heading 5 in a browser: a risk identified in a contact; later reviewed in another, or closed. */
@PageController
class RiskForms {

    private final CommandDispatcher commands;

    RiskForms(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/contacts/{contactId}/risks/new")
    String identify(@PathVariable String contactId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("contact", contactId);
        FormPost post = FormPost.of(request, redirect).summaryField("category");
        FormReader form = post.form();
        RiskCategory category = form.choice("category", "Who the risk is to or from", RiskCategory.class, true);
        List<RiskAspect> aspects = form.choices("aspects", "What it affects", RiskAspect.class);
        if (aspects.isEmpty()) {
            form.refuse("aspects", "Select what the risk affects");
        }
        String description = form.text("description", "The description of the risk", 10_000, true);
        Severity severity = form.choice("severity", "The severity", Severity.class, true);
        List<Professional> professionals = professionals(form);
        String reasonAfterSigning = form.reasonAfterSigning();
        return post.send(() -> {
            String riskId = UUID.randomUUID().toString();
            commands.create(new IdentifyRiskCommand(riskId, id, category, aspects.stream().distinct().toList(),
                                                    description, severity, professionals,
                                                    reasonAfterSigning));
            return "/contacts/" + id + "?expect=" + riskId;
        }, "/contacts/" + id);
    }

    @PostMapping("/risks/{riskId}/review")
    String review(@PathVariable String riskId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("risk", riskId);
        FormPost post = FormPost.of(request, redirect).summaryField("note");
        FormReader form = post.form();
        String contactId = form.chosenId("contact", "The contact", "Choose the contact it was reviewed in");
        Severity severity = form.choice("severity", "The severity now", Severity.class, true);
        String note = form.text("note", "What the review found", 10_000, true);
        long version = form.version();
        return post.send(() -> "/risks/" + id + "/review?done=" + commands.send(new ReviewRiskCommand(id, contactId,
                                 note, severity, version - 1)), "/risks/" + id + "/review");
    }

    @PostMapping("/risks/{riskId}/close")
    String close(@PathVariable String riskId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("risk", riskId);
        return FormPost.of(request, redirect).reason("The reason", (reason, expected) -> commands.send(
                new CloseRiskCommand(id, reason, expected)), version -> "/risks/" + id + "/close?done=" + version);
    }

    private static List<Professional> professionals(FormReader form) {
        List<String> names = form.texts("professional-name", "The name", 200);
        List<String> organisations = form.texts("professional-organisation", "The organisation", 200);
        List<String> roles = form.texts("professional-role", "The role", 200);
        List<Professional> professionals = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) != null) {
                professionals.add(new Professional(names.get(i), i < organisations.size() ? organisations.get(i) : null,
                                                   i < roles.size() ? roles.get(i) : null));
            }
        }
        if (professionals.size() > 20) {
            form.refuse("professional-name-0", "List at most 20 professionals");
        }
        return professionals;
    }
}
