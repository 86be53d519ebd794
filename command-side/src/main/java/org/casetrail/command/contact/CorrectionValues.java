package org.casetrail.command.contact;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.casetrail.command.contact.ContactController.AttendeeBody;
import org.casetrail.command.contact.ContactController.DescriptionBody;
import org.casetrail.command.contact.ContactController.PurposeBody;
import org.casetrail.command.contact.ContactController.SettingBody;
import org.casetrail.command.contact.ContactController.TimingBody;
import org.casetrail.events.contact.ContactContent;
import org.casetrail.events.contact.ContactSection;
import org.casetrail.platform.web.InvalidFields;
import org.casetrail.platform.web.Problems.FieldError;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a correction's {@code value} in the shape of its section (the shape of that section's draft edit) and
 * checks it as strictly as the edit itself, reporting bad fields as {@code value.<field>}.
 */
@Component
class CorrectionValues {

    private final ObjectMapper json;
    private final Validator validator;

    CorrectionValues(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    ContactContent read(ContactSection section, JsonNode value, ContactController checks) {
        var empty = ContactContent.empty();
        return switch (section) {
            case ATTENDEES -> {
                List<AttendeeBody> attendees = parse(value, new TypeReference<List<AttendeeBody>>() { });
                if (attendees.isEmpty()) {
                    throw new InvalidFields("value", "must list at least one attendee");
                }
                attendees.forEach(this::validate);
                yield empty.withAttendees(ContactController.attendees(attendees));
            }
            case SETTING -> empty.withSetting(validate(parse(value, new TypeReference<SettingBody>() { })).toSetting());
            case TIMING -> {
                TimingBody timing = validate(parse(value, new TypeReference<TimingBody>() { }));
                yield empty.withTiming(checks.timing(timing.startedAt(), timing.endedAt()));
            }
            case PURPOSE -> empty.withPurpose(validate(parse(value, new TypeReference<PurposeBody>() { }))
                                                      .toPurpose("value"));
            case DESCRIPTION -> {
                DescriptionBody description = value.isTextual() ? new DescriptionBody(value.asText())
                        : validate(parse(value, new TypeReference<DescriptionBody>() { }));
                if (description.text().isBlank()) {
                    throw new InvalidFields("value.text", "must not be blank");
                }
                yield empty.withDescription(description.text().trim());
            }
        };
    }

    private <T> T parse(JsonNode value, TypeReference<T> type) {
        try {
            return json.readerFor(type).readValue(value);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                           .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                           .reduce("value", String::concat);
            throw new InvalidFields(path, "does not fit the shape of this section");
        } catch (JsonProcessingException e) {
            throw new InvalidFields("value", "does not fit the shape of this section");
        } catch (java.io.IOException e) {
            throw new InvalidFields("value", "cannot be read");
        }
    }

    private <T> T validate(T value) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            errors.add(new FieldError("value." + violation.getPropertyPath(), violation.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return value;
    }
}
