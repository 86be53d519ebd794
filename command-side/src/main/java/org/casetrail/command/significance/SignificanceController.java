package org.casetrail.command.significance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.casetrail.command.significance.SignificanceCommands.MarkSignificanceCommand;
import org.casetrail.command.web.CommandDispatcher;
import org.casetrail.command.web.Versions;
import org.casetrail.platform.web.Ids;
import org.casetrail.platform.web.ItemKinds;
import org.casetrail.platform.web.InputRules;
import org.casetrail.platform.web.InvalidFields;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/** Marking a contact or follow-up as a significant event in the chronology (the significance column). */
@RestController
class SignificanceController {

    private final CommandDispatcher commands;

    SignificanceController(CommandDispatcher commands) {
        this.commands = commands;
    }

    record SignificanceBody(@NotNull Boolean significant, @Size(max = 10_000) String impact) {
    }

    record SignificanceWritten(String itemId, long version) {
    }

    @Operation(summary = "Mark a contact or follow-up as a significant event, with its impact on the child",
               description = "The chronology's significance column (Practice Direction 12A). `significant: true` "
                             + "needs `impact`; `false` withdraws the mark. Each marking is recorded with who and "
                             + "when; the chronology shows the mark as it stood at any moment, and filters on it "
                             + "(`significant=true`). The version in `If-Match` is the mark's.")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Marked: the mark's new version"),
            @ApiResponse(responseCode = "400", description = "`VALIDATION_FAILED`: e.g. `impact` missing when significant"),
            @ApiResponse(responseCode = "404", description = "No such contact or follow-up"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `NOT_SIGNIFICANT` (nothing to withdraw)")})
    @PutMapping("/api/{kind:" + ItemKinds.PATTERN + "}/{itemId}/significance")
    ResponseEntity<SignificanceWritten> mark(@PathVariable String kind, @PathVariable String itemId,
                                             @Valid @RequestBody SignificanceBody body,
                                             @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        String type = ItemKinds.typeOf(kind);
        String id = Ids.require(type.toLowerCase(java.util.Locale.ROOT), itemId);
        String impact = InputRules.optional(body.impact());
        if (body.significant() && impact == null) {
            throw new InvalidFields("impact", "must say the impact on the child when the event is significant");
        }
        long version = commands.send(new MarkSignificanceCommand(Significance.markOf(id), type, id,
                                                                 body.significant(), impact,
                                                                 Versions.expectedSequence(ifMatch)));
        return Versions.ok(version, new SignificanceWritten(id, version));
    }
}
