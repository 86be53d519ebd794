package org.casetrail.command.session;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.casetrail.command.session.SessionCommands.BookSessionCommand;
import org.casetrail.command.session.SessionCommands.CancelSessionCommand;
import org.casetrail.command.session.SessionCommands.RecordMissedSessionCommand;
import org.casetrail.command.session.SessionCommands.RecordNoAccessCommand;
import org.casetrail.command.session.SessionCommands.RescheduleSessionCommand;
import org.casetrail.command.web.CommandDispatcher;
import org.casetrail.events.contact.Setting;
import org.casetrail.events.contact.SettingType;
import org.casetrail.platform.web.Ids;
import org.casetrail.web.Dates;
import org.casetrail.web.FormPost;
import org.casetrail.web.FormReader;
import org.casetrail.web.PageController;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Heading 7 in a browser: the next session arranged in a contact; then moved, cancelled, missed or no access. */
@PageController
class SessionForms {

    private final CommandDispatcher commands;
    private final Dates dates;

    private final Clock clock;

    SessionForms(CommandDispatcher commands, Dates dates, Clock clock) {
        this.commands = commands;
        this.dates = dates;
        this.clock = clock;
    }

    @PostMapping("/contacts/{contactId}/next-session/new")
    String book(@PathVariable String contactId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("contact", contactId);
        FormPost post = FormPost.of(request, redirect).summaryField("scheduled-day");
        FormReader form = post.form();
        Instant scheduledFor = form.instant("scheduled", "scheduled-time", "The session's", true, dates.zone());
        SettingType type = form.choice("setting", "Where it will take place", SettingType.class, true);
        String location = form.text("location", "The address or place", 500, false);
        String focus = form.text("focus", "The focus of the session", 2_000, false);
        String reasonAfterSigning = form.reasonAfterSigning();
        refusePast(form, scheduledFor);
        return post.send(() -> {
            String sessionId = UUID.randomUUID().toString();
            commands.create(new BookSessionCommand(sessionId, id, scheduledFor, new Setting(type, location), focus,
                                                   reasonAfterSigning));
            return "/contacts/" + id + "?expect=" + sessionId;
        }, "/contacts/" + id);
    }

    private void refusePast(FormReader form, Instant scheduledFor) {
        if (SessionTimes.inThePast(scheduledFor, clock)) {
            form.refuse("scheduled-day", "The session's date and time must be in the future: a session that has "
                                         + "already taken place is recorded as a contact");
        }
    }

    @PostMapping("/sessions/{sessionId}/reschedule")
    String reschedule(@PathVariable String sessionId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("session", sessionId);
        FormPost post = FormPost.of(request, redirect).summaryField("scheduled-day");
        Instant scheduledFor = post.form().instant("scheduled", "scheduled-time", "The session's", true, dates.zone());
        String reason = post.form().text("reason", "The reason", 2_000, true);
        refusePast(post.form(), scheduledFor);
        long version = post.form().version();
        return post.send(() -> done(id, "reschedule", commands.send(new RescheduleSessionCommand(id, scheduledFor,
                                 reason, version - 1))),
                         "/sessions/" + id + "/reschedule");
    }

    @PostMapping("/sessions/{sessionId}/cancel")
    String cancel(@PathVariable String sessionId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("session", sessionId);
        return FormPost.of(request, redirect).reason("The reason", (reason, expected) -> commands.send(
                new CancelSessionCommand(id, reason, expected)), version -> done(id, "cancel", version));
    }

    @PostMapping("/sessions/{sessionId}/missed")
    String missed(@PathVariable String sessionId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("session", sessionId);
        FormPost post = FormPost.of(request, redirect).summaryField("note");
        String note = post.form().text("note", "The note", 10_000, false);
        long version = post.form().version();
        return post.send(() -> done(id, "missed", commands.send(new RecordMissedSessionCommand(id, note,
                                                                                                version - 1))),
                         "/sessions/" + id + "/missed");
    }

    @PostMapping("/sessions/{sessionId}/no-access")
    String noAccess(@PathVariable String sessionId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("session", sessionId);
        FormPost post = FormPost.of(request, redirect).summaryField("attempted-day");
        Instant attemptedAt = post.form().instant("attempted", "attempted-time", "The visit's", true, dates.zone());
        String note = post.form().text("note", "The note", 10_000, false);
        long version = post.form().version();
        return post.send(() -> done(id, "no-access", commands.send(new RecordNoAccessCommand(id, attemptedAt, note,
                                                                                              version - 1))),
                         "/sessions/" + id + "/no-access");
    }

    private static String done(String sessionId, String step, long version) {
        return "/sessions/" + sessionId + "/" + step + "?done=" + version;
    }
}
