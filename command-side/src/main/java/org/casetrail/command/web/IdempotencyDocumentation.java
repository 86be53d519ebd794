package org.casetrail.command.web;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;

/** Where {@link IdempotencyFilter} runs, every POST takes {@code Idempotency-Key}: the API reference says so. */
@Configuration(proxyBeanMethods = false)
class IdempotencyDocumentation {

    @Bean
    OperationCustomizer idempotencyKeyHeader() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(PostMapping.class)) {
                operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                        .schema(new StringSchema().maxLength(200))
                        .description("Repeat the POST with the same key to get the first response again ("
                                     + IdempotencyFilter.REPLAYED + ": true) and store nothing new; the same key "
                                     + "with another body is 422 `IDEMPOTENCY_KEY_REUSED`"));
            }
            return operation;
        };
    }
}
