package org.casetrail.platform.web;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON responses end with a line break, as text files do: a response saved with {@code curl -o} or printed in a
 * terminal ends its last line, and tools that read line by line see the whole of it.
 */
@Configuration(proxyBeanMethods = false)
class ApiJsonConverter {

    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper objectMapper) {
        return new MappingJackson2HttpMessageConverter(objectMapper) {
            @Override
            protected void writeSuffix(JsonGenerator generator, Object object) throws IOException {
                super.writeSuffix(generator, object);
                generator.writeRaw('\n');
            }
        };
    }
}
