package org.casetrail.query.compliance;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.casetrail.events.caserecord.PlanType;
import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.time.VisitStandard;
import org.casetrail.platform.time.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * How often a case needs a home visit: the frequency its plan sets where one does, otherwise its plan type's
 * standard ({@code casetrail.compliance.standards}); and the working days they are counted in. The visit report
 * and each contact's recording-quality check both ask here, so they cannot disagree.
 */
@Component
public class VisitStandards {

    private final Map<PlanType, VisitStandard> byPlanType = new EnumMap<>(PlanType.class);
    private final WorkingCalendar calendar;
    /** Plans' frequencies as read, since a report reads the same few many times. */
    private final Map<String, VisitStandard> planFrequencies = new ConcurrentHashMap<>();

    public VisitStandards(CasetrailProperties properties) {
        var settings = properties.compliance();
        this.calendar = new WorkingCalendar(settings.bankHolidays());
        for (PlanType type : PlanType.values()) {
            String standard = settings.standards().get(type.name());
            if (standard == null) {
                throw new IllegalStateException("No visit standard for " + type
                        + ": set casetrail.compliance.standards." + type.name());
            }
            byPlanType.put(type, VisitStandard.parse(standard));
        }
    }

    /** A case's standard: {@code planFrequency} (as a plan stores it) when there is one, else its plan type's. */
    public Applied of(PlanType planType, String planFrequency) {
        if (planFrequency != null) {
            VisitStandard own = planFrequencies.get(planFrequency);
            if (own == null) {
                try {
                    own = VisitStandard.parse(planFrequency);
                } catch (IllegalArgumentException unreadable) {
                    // Stored frequencies were checked when recorded; one that is not readable falls back.
                    return new Applied(byPlanType.get(planType), false);
                }
                if (planFrequencies.size() < 1_000) {
                    planFrequencies.put(planFrequency, own);
                }
            }
            return new Applied(own, true);
        }
        return new Applied(byPlanType.get(planType), false);
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /** A standard as applied to a case, and whether it is the plan's own (else the plan type's). */
    public record Applied(VisitStandard standard, boolean fromPlan) {

        public LocalDate nextDue(LocalDate last, WorkingCalendar calendar) {
            return standard.nextDue(last, calendar);
        }

        /** "a home visit every 10 working days", or "a home visit every 1 week, as the plan sets". */
        public String describe() {
            return standard.describe() + (fromPlan ? ", as the plan sets" : "");
        }
    }
}
