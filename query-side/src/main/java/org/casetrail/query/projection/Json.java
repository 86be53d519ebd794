package org.casetrail.query.projection;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How projections store structured values in JSONB columns: plain JSON with UTC instants, independent of how the
 * API renders them, so stored rows never depend on a reader's zone or on web settings.
 */
@Component
public class Json {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
