package org.casetrail.platform.security;

import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's rule for header names, header values and parameter names, as Spring Security's strict firewall
 * has it (every character assigned in Unicode and none a control character), checked without a regular
 * expression. The firewall's own check runs a regex matcher over every header of every request, the bearer
 * token's hundreds of characters included: a measurable share of a command's CPU and of its garbage. Printable
 * ASCII, which nearly every header is, passes with one comparison a character; anything else is judged code point
 * by code point by the rule itself.
 */
final class HeaderText {

    private HeaderText() {
    }

    /** Spring Security's strict firewall with this check in place of its regex for the three it applies to. */
    static HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderText::acceptable);
        firewall.setAllowedHeaderValues(HeaderText::acceptable);
        firewall.setAllowedParameterNames(HeaderText::acceptable);
        return firewall;
    }

    /** Whether every character of {@code text} is assigned and none is a control character. */
    static boolean acceptable(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(codePoint) - 1;
        }
        return true;
    }
}
