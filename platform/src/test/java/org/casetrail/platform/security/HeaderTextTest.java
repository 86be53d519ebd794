package org.casetrail.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;

/** The firewall's header rule without a regex accepts and refuses exactly what the strict firewall's regex does. */
class HeaderTextTest {

    /** Spring Security's rule, as its strict firewall writes it. */
    private static final Pattern RULE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Property(tries = 3000)
    void judgesAnyTextOfCharactersAsTheRegexDoes(@ForAll @CharRange(from = '\u0000', to = '\uffff') String text) {
        assertThat(HeaderText.acceptable(text)).as(escaped(text)).isEqualTo(RULE.matcher(text).matches());
    }

    @Property(tries = 3000)
    void judgesAnyTextOfCodePointsAsTheRegexDoes(@ForAll("codePoints") String text) {
        assertThat(HeaderText.acceptable(text)).as(escaped(text)).isEqualTo(RULE.matcher(text).matches());
    }

    /** Mostly printable ASCII, as headers are, with any code point (unassigned, controls, lone surrogates) among it. */
    @Provide
    Arbitrary<String> codePoints() {
        Arbitrary<Integer> any = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0x20, 0x7e)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0x10ffff)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0x00, 0x09, 0x0a, 0x0d, 0x7f, 0x85, 0x9f, 0xd800, 0xdfff,
                                                         0x0378, 0xfffe, 0x1f600, 0xe0001, 0x10ffff)));
        return any.list().ofMaxSize(40).map(points -> {
            StringBuilder text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    @Example
    void theFirewallRefusesAHeaderWithAControlCharacterAndKeepsTheRest() {
        HttpFirewall firewall = new SecurityConfiguration().httpFirewall();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases");
        request.addHeader("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGV4In0.c2lnbmF0dXJl");
        request.addHeader("X-Note", "Zoë Çelik, 山田 太郎, Ольга 👍");
        request.addHeader("X-Bell", "ring\u0007");
        var checked = firewall.getFirewalledRequest(request);

        assertThat(checked.getHeader("Authorization")).startsWith("Bearer ");
        assertThat(checked.getHeader("X-Note")).isEqualTo("Zoë Çelik, 山田 太郎, Ольга 👍");
        assertThatThrownBy(() -> checked.getHeader("X-Bell")).isInstanceOf(RequestRejectedException.class);
        MockHttpServletRequest badPath = new MockHttpServletRequest("GET", "/api//cases");
        badPath.setRequestURI("/api//cases");
        assertThatThrownBy(() -> firewall.getFirewalledRequest(badPath)).as("the strict firewall's other rules stand")
                .isInstanceOf(RequestRejectedException.class);
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? Character.toString(c)
                                                                        : String.format("\\u{%x}", c)));
        return out.toString();
    }

    @Example
    void printableAsciiAndEveryAlphabetPassControlsAndUnassignedDoNot() {
        for (String fine : List.of("", "application/json", "Bearer abc.def-ghi_jkl", "Zoë", "Ольга", "山田", "👍")) {
            assertThat(HeaderText.acceptable(fine)).as(fine).isTrue();
        }
        for (String refused : List.of("a\u0000b", "tab\there", "line\nbreak", "\u007f", "\u0085", "\u0378",
                                      new String(Character.toChars(0xe0080)))) {
            assertThat(HeaderText.acceptable(refused)).as(escaped(refused)).isFalse();
        }
    }
}
