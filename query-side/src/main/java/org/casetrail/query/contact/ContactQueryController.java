package org.casetrail.query.contact;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.casetrail.platform.messaging.Ids;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.web.Params;
import org.casetrail.query.contact.ContactViews.ContactHistoryView;
import org.casetrail.query.contact.ContactViews.ContactPage;
import org.casetrail.query.contact.ContactViews.ContactView;
import org.casetrail.query.contact.ContactViews.FindCaseContactsQuery;
import org.casetrail.query.contact.ContactViews.FindContactHistoryQuery;
import org.casetrail.query.contact.ContactViews.FindContactQuery;
import org.casetrail.query.web.ReadYourWrites;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** api.md "Contacts", the reads: now, as of any instant, every version, and a case's contacts. */
@RestController
@Validated
class ContactQueryController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    ContactQueryController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/api/contacts/{contactId}")
    ResponseEntity<ContactView> get(@PathVariable String contactId,
                                     @RequestParam(required = false) String asOf,
                                     @RequestParam(required = false) @Min(1) Long minVersion) {
        String id = Ids.require("contact", contactId);
        Instant at = asOf == null ? null : Params.instant("asOf", asOf);
        return readYourWrites.read("contact", contactId, minVersion,
                () -> queries.query(new FindContactQuery(id, at), ResponseTypes.optionalInstanceOf(ContactView.class))
                             .join(),
                view -> view.contact().version());
    }

    @GetMapping("/api/contacts/{contactId}/history")
    ContactHistoryView history(@PathVariable String contactId) {
        String id = Ids.require("contact", contactId);
        return queries.query(new FindContactHistoryQuery(id), ResponseTypes.optionalInstanceOf(ContactHistoryView.class))
                      .join()
                      .orElseThrow(() -> new NotFound("contact", contactId));
    }

    @GetMapping("/api/cases/{caseId}/contacts")
    ContactPage forCase(@PathVariable String caseId,
                        @RequestParam(required = false)
                        @Pattern(regexp = "DRAFT|FINALISED|DISCARDED", message = "must be DRAFT, FINALISED or DISCARDED")
                        String status,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        String id = Ids.require("case", caseId);
        return queries.query(new FindCaseContactsQuery(id, status, page, size),
                             ResponseTypes.optionalInstanceOf(ContactPage.class))
                      .join()
                      .orElseThrow(() -> new NotFound("case", caseId));
    }
}
