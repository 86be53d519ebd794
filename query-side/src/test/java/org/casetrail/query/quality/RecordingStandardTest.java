package org.casetrail.query.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casetrail.events.caserecord.PlanType;
import org.casetrail.events.contact.Attendee;
import org.casetrail.events.contact.AttendeeRole;
import org.casetrail.events.contact.Setting;
import org.casetrail.events.contact.SettingType;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.query.compliance.VisitStandards;
import org.casetrail.query.quality.QualityInputs.CaseFacts;
import org.casetrail.query.contact.SignedContacts.ContactParts;
import org.casetrail.query.quality.QualityViews.CheckView;
import org.casetrail.query.quality.QualityViews.ContactQualityView;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The recording standard is configuration: which checks apply, and its bounds. */
class RecordingStandardTest {

    static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void skippedChecksAreNotAppliedAndTheBoundsAreTheConfiguredOnes() {
        RecordingStandard standard = standard(Map.of("casetrail.quality.skip", "where.frequency,timeliness",
                                                      "casetrail.quality.narrative-limit", "10"));
        ContactQualityView q = standard.check(inputs(11), START.plusSeconds(7200));
        assertThat(checks(q)).doesNotContain("where.frequency");
        assertThat(q.timeliness()).isNull();
        assertThat(q.frequencyKept()).isNull();
        assertThat(reason(q, "took-place.length"))
                .isEqualTo("The account runs to 11 characters, over the 10 the standard sets: keep to what matters");
        assertThat(standard.describe().checksSkipped()).containsExactly("timeliness", "where.frequency");
        assertThat(standard.describe().checksApplied()).hasSize(17).doesNotContain("timeliness");

        RecordingStandard defaults = standard(Map.of());
        ContactQualityView byDefault = defaults.check(inputs(11), START.plusSeconds(7200));
        assertThat(checks(byDefault)).contains("where.frequency");
        assertThat(reason(byDefault, "took-place.length")).isNull();
        assertThat(byDefault.timeliness().kind()).isEqualTo("OTHER");
    }

    @Test
    void aSkippedCheckMustNameOne() {
        assertThatThrownBy(() -> standard(Map.of("casetrail.quality.skip", "where.frequncy")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("casetrail.quality.skip names no check: 'where.frequncy'");
    }

    private static QualityInputs inputs(int descriptionLength) {
        ContactParts contact = new ContactParts("c1", "k1", 3, "alex", "DRAFT",
                List.of(new Attendee("Jo", AttendeeRole.SERVICE_USER, null, null)),
                new Setting(SettingType.HOME, "12 Acacia Avenue"), START, START.plusSeconds(3600), null,
                descriptionLength, null, null, null, null);
        return new QualityInputs(contact, new CaseFacts(PlanType.ADULT_CARE, LocalDate.of(2026, 11, 1), "Jo"),
                List.of(), List.of(), 0, List.of(), 0, List.of(), null);
    }

    private static List<String> checks(ContactQualityView q) {
        return q.steps().stream().flatMap(s -> s.checks().stream()).map(CheckView::id).toList();
    }

    private static String reason(ContactQualityView q, String id) {
        return q.steps().stream().flatMap(s -> s.checks().stream()).filter(c -> c.id().equals(id))
                .findFirst().map(CheckView::reason).orElse(null);
    }

    private static RecordingStandard standard(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        for (PlanType type : PlanType.values()) {
            all.put("casetrail.compliance.standards." + type.name(), "1 month");
        }
        CasetrailProperties properties = new Binder(new MapConfigurationPropertySource(all))
                .bindOrCreate("casetrail", CasetrailProperties.class);
        return new RecordingStandard(properties, new VisitStandards(properties));
    }
}
