package org.casetrail.platform.web;

import java.io.IOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * What the record can hold and print, enforced where input arrives: text is Unicode (NFC), with no control
 * characters but tab and line breaks (a carriage return becomes a line break); dates and instants lie between 1900
 * and a hundred years from now. Anything else is refused as bad input naming its field, before a command is sent,
 * so nothing stored can later break a read model, a report or a PDF.
 */
public final class InputRules {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final int YEARS_AHEAD = 100;
    static final String TEXT = "must be text without control characters (tab and line breaks are allowed)";

    private InputRules() {
    }

    /** The text in NFC, line breaks as {@code \n}; null when it holds a control character or broken Unicode. */
    public static String textOrNull(String value) {
        if (value == null) {
            return null;
        }
        String text = value.indexOf('\r') < 0 ? value : value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' || c == 0x7f;
            boolean brokenPair = Character.isHighSurrogate(c)
                    ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (control || brokenPair) {
                return null;
            }
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** An optional text as given, trimmed; null when absent or blank. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** As {@link #textOrNull}, refusing bad text as bad input in {@code field}. */
    public static String text(String field, String value) {
        String text = textOrNull(value);
        if (value != null && text == null) {
            throw new InvalidFields(field, TEXT);
        }
        return text;
    }

    public static Instant instant(String field, Instant value) {
        if (value != null && !within(value.atOffset(ZoneOffset.UTC).toLocalDate())) {
            throw new InvalidFields(field, window());
        }
        return value;
    }

    public static LocalDate date(String field, LocalDate value) {
        if (value != null && !within(value)) {
            throw new InvalidFields(field, window());
        }
        return value;
    }

    private static boolean within(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LocalDate.now(ZoneOffset.UTC).plusYears(YEARS_AHEAD));
    }

    private static String window() {
        return "must lie between " + EARLIEST + " and " + YEARS_AHEAD + " years from now";
    }

    /** The same rules for every JSON body the API reads. */
    public static Module jacksonModule() {
        SimpleModule module = new SimpleModule("casetrail-input-rules");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == String.class) {
                    return new Checked(deserializer, value -> {
                        String text = textOrNull((String) value);
                        return text == null ? Refusal.of(TEXT) : text;
                    });
                }
                if (type == Instant.class || type == OffsetDateTime.class || type == LocalDate.class) {
                    return new Checked(deserializer, value -> {
                        LocalDate date = value instanceof Instant i ? i.atOffset(ZoneOffset.UTC).toLocalDate()
                                : value instanceof OffsetDateTime o ? o.toLocalDate() : (LocalDate) value;
                        return within(date) ? value : Refusal.of(window());
                    });
                }
                return deserializer;
            }
        });
        return module;
    }

    /** A value refused by a rule, with the reason, turned into a mapping error at its field. */
    private record Refusal(String reason) {
        static Refusal of(String reason) {
            return new Refusal(reason);
        }
    }

    /** Bad input found while reading JSON: the reason, at the path of the field it was found in. */
    public static final class InputRefused extends JsonMappingException {

        InputRefused(JsonParser parser, String reason) {
            super(parser, reason);
        }

        public String reason() {
            return getOriginalMessage();
        }
    }

    /** Reads as the deserializer it wraps, then holds the value to a rule. */
    private static final class Checked extends DelegatingDeserializer {

        private final UnaryOperator<Object> rule;

        Checked(JsonDeserializer<?> delegate, UnaryOperator<Object> rule) {
            super(delegate);
            this.rule = rule;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate, rule);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = _delegatee.deserialize(parser, context);
            if (value == null) {
                return null;
            }
            Object checked = rule.apply(value);
            if (checked instanceof Refusal refusal) {
                throw new InputRefused(parser, refusal.reason());
            }
            return checked;
        }
    }
}
