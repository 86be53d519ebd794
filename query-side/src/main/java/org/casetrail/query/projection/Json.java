package org.casetrail.query.projection;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How projections store structured values in JSONB columns: with the mapper events are stored with (plain JSON,
 * UTC instants), independent of how the API renders them, so stored rows never depend on a reader's zone or on
 * web settings.
 */
@Component
public class Json {

    private final ObjectMapper mapper;

    Json(@Qualifier("defaultAxonObjectMapper") ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    public <T> T read(String stored, Class<T> type) {
        try {
            return mapper.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored " + type.getSimpleName(), e);
        }
    }

    public <T> T read(String stored, JavaType type) {
        try {
            return mapper.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored " + type, e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
