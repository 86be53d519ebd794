package org.casetrail.query.pages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.casetrail.audit.AuditedRead;
import org.casetrail.platform.messaging.NotPermitted;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.security.Role;
import org.casetrail.platform.web.Ids;
import org.casetrail.platform.web.ItemKinds;
import org.casetrail.query.caserecord.CaseQueries;
import org.casetrail.query.chronology.ChronologyQueries;
import org.casetrail.query.chronology.ChronologyViews.MarkView;
import org.casetrail.query.web.ReadYourWrites;
import org.casetrail.web.Forms;
import org.casetrail.web.PageController;
import org.casetrail.web.YesNo;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Marking a contact or follow-up as a significant event in its chronology, with its impact on the child: the page
 * with the item's entry, its mark now and the form to change it (practitioners and managers).
 */
@PageController
class SignificancePages {

    private final ChronologyQueries chronologies;
    private final CaseQueries cases;
    private final ReadYourWrites reads;

    SignificancePages(ChronologyQueries chronologies, CaseQueries cases, ReadYourWrites reads) {
        this.chronologies = chronologies;
        this.cases = cases;
        this.reads = reads;
    }

    @GetMapping("/significance/{kind:" + ItemKinds.PATTERN + "}/{itemId}")
    @AuditedRead(recordId = "itemId")
    String mark(@PathVariable String kind, @PathVariable String itemId,
                @RequestParam(required = false) Long minVersion, HttpServletRequest request, Model model) {
        if (CurrentUser.require().role() == Role.AUDITOR) {
            throw new NotPermitted("FORBIDDEN_FOR_ROLE", "An auditor changes nothing");
        }
        String type = ItemKinds.typeOf(kind);
        String id = Ids.require(type.toLowerCase(java.util.Locale.ROOT), itemId);
        String what = kind.replace('-', ' ');
        MarkView mark = reads.await(what, itemId, minVersion,
                () -> chronologies.mark(id).filter(m -> m.itemType().equals(type)), MarkView::version);
        Map<String, Object> values = new HashMap<>();
        values.put("version", Math.max(1, mark.version()));
        if (mark.version() > 0) {
            values.put("marked", "yes");
            values.put("significant", YesNo.of(mark.significant()).name());
            values.put("impact", mark.impact() == null ? "" : mark.impact());
        }
        model.addAttribute("mark", mark);
        model.addAttribute("kind", kind);
        model.addAttribute("saved", minVersion != null);
        model.addAttribute("caseHeader", cases.header(mark.caseId()).orElseThrow());
        model.addAttribute("answers", List.of(YesNo.values()));
        model.addAttribute("form", Forms.state(request).or(values));
        return "chronology/significance";
    }
}
