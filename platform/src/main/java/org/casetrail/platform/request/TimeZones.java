package org.casetrail.platform.request;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.security.UserZones;
import org.casetrail.platform.time.Times;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Times are stored in UTC and shown in the user's zone: the request's {@code Time-Zone} header when it names a
 * valid zone, else the user's configured zone, else {@code casetrail.time-zone}. Every instant in a JSON response
 * carries its offset, so it means the same moment whichever zone renders it.
 */
@Configuration(proxyBeanMethods = false)
public class TimeZones {

    public static final String HEADER = "Time-Zone";

    @Bean(name = "localeResolver")
    LocaleResolver localeResolver(UserZones zones) {
        return new LocaleContextResolver() {
            @Override
            public LocaleContext resolveLocaleContext(HttpServletRequest request) {
                return new TimeZoneAwareLocaleContext() {
                    /** Worked out once per request, on first use: every instant in a response asks. */
                    private TimeZone zone;

                    @Override
                    public Locale getLocale() {
                        return request.getLocale();
                    }

                    @Override
                    public TimeZone getTimeZone() {
                        if (zone == null) {
                            zone = TimeZone.getTimeZone(zoneFor(request, zones));
                        }
                        return zone;
                    }
                };
            }

            @Override
            public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
                                         LocaleContext context) {
                throw new UnsupportedOperationException("The zone comes from the request or the user's settings");
            }
        };
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer zonedInstants(CasetrailProperties properties) {
        return builder -> builder.serializerByType(Instant.class, new ZonedInstantSerializer(properties.timeZone()));
    }

    /** Whether a {@code Time-Zone} header names a zone (one that does not is refused before any handler). */
    private static boolean valid(String zone) {
        try {
            ZoneId.of(zone.trim());
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static ZoneId zoneFor(HttpServletRequest request, UserZones zones) {
        String asked = request.getHeader(HEADER);
        if (asked != null && valid(asked)) {
            return ZoneId.of(asked.trim());
        }
        return CurrentUser.find().map(user -> zones.zoneOf(user.username())).orElse(zones.serviceDefault());
    }

    /** The zone of the request being served, or the service default outside a request. */
    public static ZoneId current(ZoneId serviceDefault) {
        if (LocaleContextHolder.getLocaleContext() instanceof TimeZoneAwareLocaleContext context
                && context.getTimeZone() != null) {
            return context.getTimeZone().toZoneId();
        }
        return serviceDefault;
    }

    static final class ZonedInstantSerializer extends StdSerializer<Instant> {

        private final ZoneId serviceDefault;

        ZonedInstantSerializer(ZoneId serviceDefault) {
            super(Instant.class);
            this.serviceDefault = serviceDefault;
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Times.at(value, current(serviceDefault))));
        }
    }
}
