package org.casetrail.command.contact;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;

import org.casetrail.command.contact.ContactController.AttendeesCorrection;
import org.casetrail.command.contact.ContactController.ChildVisitBody;
import org.casetrail.command.contact.ContactController.CorrectedSection;
import org.casetrail.command.contact.ContactController.DescriptionCorrection;
import org.casetrail.command.contact.ContactController.PurposeBody;
import org.casetrail.command.contact.ContactController.SettingBody;
import org.casetrail.command.contact.ContactController.StatementsBody;
import org.casetrail.command.contact.ContactController.TimingBody;
import org.casetrail.events.contact.ContactSection;
import org.casetrail.platform.web.InvalidFields;
import org.casetrail.platform.web.Problems.FieldError;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a correction's {@code value} as the body of the same section's draft edit, so it is held to exactly the
 * same limits and checks, and reports a bad field as {@code value.<field>}. (Jackson's external type ids would
 * choose the type from {@code section} too, but lose the {@code value} prefix of a bad field's path and cannot
 * name {@code section} when it is unknown.)
 */
@Component
class CorrectionValues {

    private static final Map<ContactSection, Class<? extends CorrectedSection>> SHAPES = Map.of(
            ContactSection.ATTENDEES, AttendeesCorrection.class,
            ContactSection.SETTING, SettingBody.class,
            ContactSection.TIMING, TimingBody.class,
            ContactSection.PURPOSE, PurposeBody.class,
            ContactSection.DESCRIPTION, DescriptionCorrection.class,
            ContactSection.CHILD_VISIT, ChildVisitBody.class,
            ContactSection.STATEMENTS, StatementsBody.class);

    private final ObjectMapper json;
    private final Validator validator;

    CorrectionValues(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    CorrectedSection read(ContactSection section, JsonNode value) {
        CorrectedSection read;
        try {
            read = json.readerFor(SHAPES.get(section)).readValue(value);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                           .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                           .reduce("value", String::concat);
            throw new InvalidFields(path, "does not fit the shape of this section");
        } catch (IOException e) {
            throw new InvalidFields("value", "does not fit the shape of this section");
        }
        if (read == null) {
            throw new InvalidFields("value", "must be given, in the shape of this section");
        }
        List<FieldError> errors = validator.validate(read).stream()
                // Attendees are the value itself: their fields are value[i].field, as in the request.
                .map(v -> new FieldError(("value." + v.getPropertyPath()).replace("value.attendees[", "value["),
                                         v.getMessage()))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return read;
    }
}
