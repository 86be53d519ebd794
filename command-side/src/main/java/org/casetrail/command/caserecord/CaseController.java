package org.casetrail.command.caserecord;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.casetrail.command.caserecord.CaseCommands.CloseCaseCommand;
import org.casetrail.command.caserecord.CaseCommands.OpenCaseCommand;
import org.casetrail.command.caserecord.CaseCommands.RecordPlanCommand;
import org.casetrail.command.caserecord.CaseCommands.ReopenCaseCommand;
import org.casetrail.command.web.CommandDispatcher;
import org.casetrail.command.web.Versions;
import org.casetrail.events.caserecord.PlanKind;
import org.casetrail.events.caserecord.PlanType;
import org.casetrail.events.caserecord.ServiceUser;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.request.TimeZones;
import org.casetrail.platform.time.VisitStandard;
import org.casetrail.platform.web.Ids;
import org.casetrail.platform.web.InputRules;
import org.casetrail.platform.web.InvalidFields;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/** The case writes over HTTP. */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CommandDispatcher commands;
    private final Clock clock;
    private final ZoneId serviceZone;

    CaseController(CommandDispatcher commands, Clock clock, CasetrailProperties properties) {
        this.commands = commands;
        this.clock = clock;
        this.serviceZone = properties.timeZone();
    }

    record ServiceUserBody(@NotBlank @Size(max = 200) String name,
                           @PastOrPresent LocalDate dateOfBirth,
                           @Size(max = 100) String reference) {
    }

    record OpenCaseBody(@NotNull @Valid ServiceUserBody serviceUser,
                        @NotNull PlanType planType,
                        @NotBlank @Size(max = 100) String allocatedWorker,
                        LocalDate openedOn) {
    }

    record CaseWritten(String caseId, long version) {
    }

    @Operation(summary = "Open a case for a service user", description = "`openedOn` is the date of the referral "
            + "(or of opening), where the case's chronology starts: today (in the caller's zone) when not given, "
            + "never in the future.")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "Opened: the case id and version 1"),
            @ApiResponse(responseCode = "400", description = "Invalid input, or `openedOn` in the future")})
    @PostMapping
    ResponseEntity<CaseWritten> open(@Valid @RequestBody OpenCaseBody body) {
        String caseId = UUID.randomUUID().toString();
        var user = body.serviceUser();
        LocalDate today = LocalDate.now(clock.withZone(TimeZones.current(serviceZone)));
        LocalDate openedOn = body.openedOn() == null ? today : InputRules.date("openedOn", body.openedOn());
        if (openedOn.isAfter(today)) {
            throw new InvalidFields("openedOn", "must not be in the future: the date of the referral or of opening");
        }
        long version = commands.create(new OpenCaseCommand(caseId,
                new ServiceUser(user.name().trim(), user.dateOfBirth(), blankToNull(user.reference())),
                body.planType(), body.allocatedWorker().trim(), openedOn));
        return ResponseEntity.created(URI.create("/api/cases/" + caseId))
                             .eTag(Versions.etag(version))
                             .body(new CaseWritten(caseId, version));
    }

    record RecordPlanBody(@NotNull PlanKind kind,
                          @NotBlank @Size(max = 200) String title,
                          @NotNull LocalDate date,
                          @Size(max = 10_000) String summary,
                          @Size(max = 40) String visitFrequency) {
    }

    record PlanWritten(String planId, String caseId, long version) {
    }

    @Operation(summary = "Record an assessment or plan on a case", description = "`visitFrequency`, when the plan "
            + "sets how often the person is to be visited, in the words of the visit standards (\"1 week\", \"10 working "
            + "days\", \"1 month\"): it then takes the place of the plan type's standard for the case.")
    @ApiResponses({@ApiResponse(responseCode = "201", description = "Recorded: the plan id and the case version"),
            @ApiResponse(responseCode = "404", description = "No such case"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CASE_CLOSED`, `PLAN_ALREADY_RECORDED`")})
    @PostMapping("/{caseId}/plans")
    ResponseEntity<PlanWritten> recordPlan(@PathVariable String caseId, @Valid @RequestBody RecordPlanBody body,
                                           @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        String planId = UUID.randomUUID().toString();
        String frequency = visitFrequency(body.visitFrequency());
        long version = commands.send(new RecordPlanCommand(Ids.require("case", caseId), planId, body.kind(), body.title().trim(),
                body.date(), blankToNull(body.summary()), frequency, Versions.expectedSequence(ifMatch)));
        return ResponseEntity.created(URI.create("/api/cases/" + caseId))
                             .eTag(Versions.etag(version))
                             .body(new PlanWritten(planId, caseId, version));
    }

    record ReasonBody(@NotBlank @Size(max = 2_000) String reason) {
    }

    @Operation(summary = "Close a case, with a reason (managers only)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Closed: the case version"),
            @ApiResponse(responseCode = "403", description = "`FORBIDDEN_FOR_ROLE` or `MANAGER_ONLY`: closing a case is a manager's decision"),
            @ApiResponse(responseCode = "404", description = "No such case"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CASE_ALREADY_CLOSED`")})
    @PostMapping("/{caseId}/close")
    ResponseEntity<CaseWritten> close(@PathVariable String caseId, @Valid @RequestBody ReasonBody body,
                                      @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        long version = commands.send(new CloseCaseCommand(Ids.require("case", caseId), body.reason().trim(),
                                                          Versions.expectedSequence(ifMatch)));
        return Versions.ok(version, new CaseWritten(caseId, version));
    }

    @Operation(summary = "Reopen a closed case, with a reason (managers only)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Reopened: the case version"),
            @ApiResponse(responseCode = "403", description = "`FORBIDDEN_FOR_ROLE` or `MANAGER_ONLY`: reopening a case is a manager's decision"),
            @ApiResponse(responseCode = "404", description = "No such case"),
            @ApiResponse(responseCode = "422", description = "Refused by a rule: `CASE_NOT_CLOSED`")})
    @PostMapping("/{caseId}/reopen")
    ResponseEntity<CaseWritten> reopen(@PathVariable String caseId, @Valid @RequestBody ReasonBody body,
                                       @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch) {
        long version = commands.send(new ReopenCaseCommand(Ids.require("case", caseId), body.reason().trim(),
                                                           Versions.expectedSequence(ifMatch)));
        return Versions.ok(version, new CaseWritten(caseId, version));
    }

    /** A plan's visit frequency as given, checked and written the one way ("1 week"); 400 when it is not one. */
    private static String visitFrequency(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String frequency = visitFrequencyOrNull(given);
        if (frequency == null) {
            throw new InvalidFields("visitFrequency", "must be a number and days, working days, weeks or months, "
                                                      + "e.g. \"1 week\" or \"10 working days\"");
        }
        return frequency;
    }

    /** The frequency written the one way, or null when {@code given} is none or not one. */
    static String visitFrequencyOrNull(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            VisitStandard standard = VisitStandard.parse(given);
            return standard.amount() > 0 ? standard.text() : null;
        } catch (IllegalArgumentException notOne) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
