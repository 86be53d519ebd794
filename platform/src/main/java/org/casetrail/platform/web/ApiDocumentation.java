package org.casetrail.platform.web;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The API reference at {@code /v3/api-docs}: each operation describes itself where it is declared (summary,
 * parameters, its own refusals with their problem {@code code}s); what every operation shares (bad input, sign-in,
 * roles, stale versions, read-your-writes) is added here once, from the parameters each operation takes.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String CONVENTIONS = """
            Event-sourced case records for social care. Errors are application/problem+json with status, title,
            detail, a stable `code` where one applies, `errors: [{field, message}]` for bad input, and the
            request's `correlationId`. Reads return `version` and `ETag: "<version>"`; writes accept `If-Match`
            with it and answer with the new version. A POST with `Idempotency-Key` repeated by the same user gets
            the first response again. `?minVersion=N` on a read waits for the projection to reach version N.
            Times are ISO-8601 with an offset, shown in the zone of the `Time-Zone` header, else the user's.""";

    /** What a parameter of this name means wherever it appears. */
    private static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("asOf", "An instant with an offset (or, for the visit report, a date): the record exactly as "
                              + "it stood then"),
            Map.entry("minVersion", "Wait (up to a few seconds) until the read model has reached this version"),
            Map.entry("from", "From this date (yyyy-mm-dd, in the service's zone) or instant, inclusive"),
            Map.entry("to", "Up to this date (inclusive) or instant (exclusive)"),
            Map.entry("category", "Categories to keep, comma-separated: contact, home visit, risk, action, "
                                  + "guidance, session, plan, case"),
            Map.entry("after", "Only entries numbered above this"),
            Map.entry("limit", "At most this many entries; `more` says whether others follow"),
            Map.entry("page", "Page number, from 0"),
            Map.entry("size", "Page size"),
            Map.entry("caseId", "Only this case"),
            Map.entry("worker", "Only cases allocated to this user"),
            Map.entry("assignee", "Only actions assigned to this user"),
            Map.entry("actor", "Only what this user did"),
            Map.entry("position", "An earlier checkpoint's chain position, to hold the chain to"),
            Map.entry("hash", "That checkpoint's head hash, in hex"),
            Map.entry("If-Match", "The version this write expects (from `ETag`); a stale one is refused with 409"));

    @Bean
    OpenAPI casetrailApi() {
        return new OpenAPI()
                .info(new Info().title("Casetrail").version("1").description(CONVENTIONS)
                                .license(new License().name("Open source")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                                                          .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** The responses every operation under /api can give, from what the handler takes. */
    @Bean
    OperationCustomizer sharedResponses() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            add(responses, "400", "Bad input, nothing stored: `VALIDATION_FAILED` with `errors` naming each field, "
                                  + "or `MALFORMED_JSON`");
            add(responses, "401", "Not signed in");
            add(responses, "403", "`FORBIDDEN_FOR_ROLE`: the signed-in user's role may not do this");
            List<String> parameters = operation.getParameters() == null ? List.of()
                    : operation.getParameters().stream().map(Parameter::getName).toList();
            if (parameters.contains("If-Match")) {
                add(responses, "409", "`STALE_VERSION`: the record has changed since the version in `If-Match`; "
                                      + "nothing stored");
            }
            if (parameters.contains("minVersion")) {
                add(responses, "503", "`PROJECTION_BEHIND`: the read model has not reached `minVersion` yet; "
                                      + "retry after `Retry-After` seconds");
            }
            operation.setResponses(responses);
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(p -> p.getDescription() == null)
                         .forEach(p -> p.setDescription(PARAMETERS.get(p.getName())));
            }
            return operation;
        };
    }

    private static void add(ApiResponses responses, String status, String description) {
        responses.putIfAbsent(status, new ApiResponse().description(description));
    }
}
