package org.casetrail.command.caserecord;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.casetrail.command.caserecord.CaseCommands.CloseCaseCommand;
import org.casetrail.command.caserecord.CaseCommands.RecordPlanCommand;
import org.casetrail.command.caserecord.CaseCommands.ReopenCaseCommand;
import org.casetrail.command.web.CommandDispatcher;
import org.casetrail.events.caserecord.PlanKind;
import org.casetrail.platform.web.Ids;
import org.casetrail.web.FormPost;
import org.casetrail.web.FormReader;
import org.casetrail.web.PageController;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A case's forms in a browser: an assessment or plan added, the case closed or reopened, each with its reason. */
@PageController
class CaseForms {

    private final CommandDispatcher commands;

    CaseForms(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/cases/{caseId}/plans-new")
    String plan(@PathVariable String caseId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("case", caseId);
        FormPost post = FormPost.of(request, redirect).summaryField("kind");
        FormReader form = post.form();
        PlanKind kind = form.choice("kind", "What it is", PlanKind.class, true);
        String title = form.text("title", "The title", 200, true);
        LocalDate date = form.date("date", "Its date", true);
        String summary = form.text("summary", "The summary", 10_000, false);
        String frequency = form.text("visit-frequency", "How often the plan says to visit", 40, false);
        if (frequency != null && CaseController.visitFrequencyOrNull(frequency) == null) {
            form.refuse("visit-frequency", "Enter how often as a number and days, working days, weeks or months, "
                                           + "like 1 week or 10 working days");
        }
        long version = form.version();
        return post.send(() -> done(id, "plans-new", commands.send(new RecordPlanCommand(id,
                                 UUID.randomUUID().toString(), kind, title, date, summary,
                                 CaseController.visitFrequencyOrNull(frequency), version - 1))),
                         "/cases/" + id + "/plans-new");
    }

    @PostMapping("/cases/{caseId}/close")
    String close(@PathVariable String caseId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("case", caseId);
        return FormPost.of(request, redirect).reason("The reason", (reason, expected) -> commands.send(
                new CloseCaseCommand(id, reason, expected)), version -> done(id, "close", version));
    }

    @PostMapping("/cases/{caseId}/reopen")
    String reopen(@PathVariable String caseId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("case", caseId);
        return FormPost.of(request, redirect).reason("The reason", (reason, expected) -> commands.send(
                new ReopenCaseCommand(id, reason, expected)), version -> done(id, "reopen", version));
    }

    private static String done(String caseId, String step, long version) {
        return "/cases/" + caseId + "/" + step + "?done=" + version;
    }
}
