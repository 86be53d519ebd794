package org.casetrail.query.contact;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How a contact's state is stored in its version rows: plain JSON with UTC instants, independent of how the API
 * renders it, so stored rows never depend on a reader's zone or on web settings.
 */
@Component
class ContactStates {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    String write(ContactState state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store contact " + state.contactId(), e);
        }
    }

    ContactState read(String stored) {
        try {
            return json.readValue(stored, ContactState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored contact", e);
        }
    }
}
