package org.casetrail.command;

import org.casetrail.platform.messaging.DomainRuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Fixture matchers for refusals: the rule's stable code is what clients act on, so tests pin it. */
public final class RuleMatchers {

    private RuleMatchers() {
    }

    public static Matcher<DomainRuleViolation> violation(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainRuleViolation violation) {
                return code.equals(violation.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainRuleViolation with code ").appendValue(code);
            }
        };
    }
}
