package org.casetrail.platform.web;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;

/**
 * How the API reads JSON: strictly. A missing number is not zero, an enum is not a number, a key given twice is
 * malformed (which of the two would count?), and text, dates and instants meet {@link InputRules}.
 */
@Configuration(proxyBeanMethods = false)
class ApiJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer apiJsonDefaults() {
        return builder -> builder.featuresToEnable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                                                   DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                                                   JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                                 .modulesToInstall(InputRules.jacksonModule());
    }
}
