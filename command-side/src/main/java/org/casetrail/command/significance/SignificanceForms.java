package org.casetrail.command.significance;

import jakarta.servlet.http.HttpServletRequest;

import org.casetrail.command.significance.SignificanceCommands.MarkSignificanceCommand;
import org.casetrail.command.web.CommandDispatcher;
import org.casetrail.platform.web.Ids;
import org.casetrail.platform.web.ItemKinds;
import org.casetrail.web.FormPost;
import org.casetrail.web.FormReader;
import org.casetrail.web.PageController;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Marking a contact or follow-up significant in a browser: the API's command, from the page's form. */
@PageController
class SignificanceForms {

    private final CommandDispatcher commands;

    SignificanceForms(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/significance/{kind:" + ItemKinds.PATTERN + "}/{itemId}")
    String mark(@PathVariable String kind, @PathVariable String itemId, HttpServletRequest request,
                RedirectAttributes redirect) {
        String type = ItemKinds.typeOf(kind);
        String id = Ids.require(type.toLowerCase(java.util.Locale.ROOT), itemId);
        String page = "/significance/" + kind + "/" + id;
        FormPost post = FormPost.of(request, redirect).summaryField("significant");
        FormReader form = post.form();
        String answer = form.text("significant", "Whether it is significant", 3, true);
        boolean significant = "yes".equals(answer);
        if (answer != null && !significant && !"no".equals(answer)) {
            form.refuse("significant", "Select yes or no");
        }
        String impact = form.text("impact", "The impact on the child", 10_000, significant);
        long version = form.version();
        // Without a mark yet ("marked" absent, version 1 on the form) there is no earlier mark to check against.
        boolean marked = form.text("marked", "Marked", 3, false) != null;
        Long expected = marked || version > 1 ? version - 1 : null;
        return post.send(() -> page + "?minVersion=" + commands.send(new MarkSignificanceCommand(
                Significance.markOf(id), type, id, significant, significant ? impact : null, expected)), page);
    }
}
