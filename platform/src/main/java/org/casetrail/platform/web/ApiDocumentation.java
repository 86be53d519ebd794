package org.casetrail.platform.web;

import java.util.Arrays;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The API reference at {@code /v3/api-docs}: each operation describes itself where it is declared (summary,
 * parameters, its own refusals with their problem {@code code}s); what every operation shares (bad input, sign-in,
 * roles, stale versions, read-your-writes) is added here once, from the handler's own parameters.
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
            var parameters = Arrays.stream(handler.getMethodParameters());
            if (parameters.anyMatch(p -> p.hasParameterAnnotation(RequestHeader.class)
                                         && "If-Match".equalsIgnoreCase(p.getParameterAnnotation(RequestHeader.class)
                                                                         .name()))) {
                add(responses, "409", "`STALE_VERSION`: the record has changed since the version in `If-Match`; "
                                      + "nothing stored");
            }
            if (Arrays.stream(handler.getMethodParameters())
                      .anyMatch(p -> p.hasParameterAnnotation(RequestParam.class)
                                     && "minVersion".equals(p.getParameterName()))) {
                add(responses, "503", "`PROJECTION_BEHIND`: the read model has not reached `minVersion` yet; "
                                      + "retry after `Retry-After` seconds");
            }
            operation.setResponses(responses);
            return operation;
        };
    }

    private static void add(ApiResponses responses, String status, String description) {
        responses.putIfAbsent(status, new ApiResponse().description(description));
    }
}
