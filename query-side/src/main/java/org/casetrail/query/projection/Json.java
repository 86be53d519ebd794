package org.casetrail.query.projection;

import java.util.regex.Pattern;

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

    /** An escaped NUL: {@code \u0000} after an even number of backslashes (an odd one would escape its own). */
    private static final Pattern NUL = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

    private final ObjectMapper mapper;

    Json(@Qualifier("defaultAxonObjectMapper") ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** JSON text for a JSONB column; a NUL (which JSONB cannot hold) becomes U+FFFD, visibly. */
    public String write(Object value) {
        try {
            String json = mapper.writeValueAsString(value);
            return json.contains("\\u0000") ? NUL.matcher(json).replaceAll("$1\\\\ufffd") : json;
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
