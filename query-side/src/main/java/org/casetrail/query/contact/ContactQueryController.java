package org.casetrail.query.contact;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.casetrail.audit.AuditedRead;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.web.Ids;
import org.casetrail.platform.web.Params;
import org.casetrail.query.contact.ContactViews.ContactHistoryView;
import org.casetrail.query.contact.ContactViews.ContactPage;
import org.casetrail.query.contact.ContactViews.ContactView;
import org.casetrail.query.web.ReadYourWrites;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/** The contact reads over HTTP: now, as of any instant, every version, and a case's contacts. */
@RestController
@Validated
class ContactQueryController {

    private final ContactQueries contacts;
    private final ReadYourWrites readYourWrites;

    ContactQueryController(ContactQueries contacts, ReadYourWrites readYourWrites) {
        this.contacts = contacts;
        this.readYourWrites = readYourWrites;
    }

    @Operation(summary = "Read a contact now, or exactly as it stood at `asOf`")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "The contact under its headings, with what it gave rise to; its version in `ETag`"),
            @ApiResponse(responseCode = "404", description = "No such contact, or it did not exist yet at `asOf`")})
    @GetMapping("/api/contacts/{contactId}")
    @AuditedRead(recordId = "contactId")
    ResponseEntity<ContactView> get(@PathVariable String contactId,
                                     @RequestParam(required = false) String asOf,
                                     @RequestParam(required = false) @Min(1) Long minVersion) {
        String id = Ids.require("contact", contactId);
        Instant at = asOf == null ? null : Params.instant("asOf", asOf);
        return readYourWrites.read("contact", contactId, minVersion, () -> contacts.find(id, at),
                                   view -> view.contact().version());
    }

    @Operation(summary = "Every version of a contact: who, when, what changed and why")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "The versions in order"),
            @ApiResponse(responseCode = "404", description = "No such contact")})
    @GetMapping("/api/contacts/{contactId}/history")
    @AuditedRead(recordId = "contactId")
    ContactHistoryView history(@PathVariable String contactId) {
        String id = Ids.require("contact", contactId);
        return contacts.history(id).orElseThrow(() -> new NotFound("contact", contactId));
    }

    @Operation(summary = "A case's contacts in the order they took place")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "A page of contacts"),
            @ApiResponse(responseCode = "404", description = "No such case")})
    @GetMapping("/api/cases/{caseId}/contacts")
    @AuditedRead(caseId = "caseId")
    ContactPage forCase(@PathVariable String caseId,
                        @RequestParam(required = false)
                        @Pattern(regexp = "DRAFT|FINALISED|DISCARDED", message = "must be DRAFT, FINALISED or DISCARDED")
                        String status,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        String id = Ids.require("case", caseId);
        return contacts.ofCase(id, status, page, size).orElseThrow(() -> new NotFound("case", caseId));
    }
}
