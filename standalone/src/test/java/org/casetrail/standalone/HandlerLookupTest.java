package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casetrail.platform.web.PathFirstHandlerLookup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The handler lookup passes over a mapping by its path's literal beginning: it must never pass over one whose path
 * patterns match, for any path of any mapping the service has (variables filled in several ways), or for paths near
 * them. Which handler answers is then Spring MVC's choice as before.
 */
class HandlerLookupTest extends HttpTestSupport {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*[^}]*}|\\{[^}]*}|\\*\\*|\\*|\\?");
    private static final List<String> FILLERS = List.of("c-1", "ü", "2026-11-20", "0d8a7c6e-5b4a-4f3e-9d2c-1b0a9f8e7d6c",
                                                        "a/b", "PDF", "x.json");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    @Test
    void noMappingWhosePathMatchesIsPassedOver() {
        assertThat(mapping).isInstanceOf(PathFirstHandlerLookup.Mapping.class);
        PathFirstHandlerLookup.Mapping lookup = (PathFirstHandlerLookup.Mapping) mapping;
        Set<RequestMappingInfo> infos = mapping.getHandlerMethods().keySet();
        Set<String> paths = new LinkedHashSet<>(List.of("/", "/api", "/api/", "/error", "/cases", "/nowhere/at/all"));
        for (RequestMappingInfo info : infos) {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                for (String filler : FILLERS) {
                    String path = fill(pattern.getPatternString(), filler);
                    paths.add(path);
                    paths.add(path + "/");
                    paths.add(path + "/more");
                    paths.add(path.substring(0, Math.max(1, path.length() - 1)));
                }
            }
        }
        int matched = 0;
        int passedOver = 0;
        List<String> wronglyPassedOver = new ArrayList<>();
        for (String path : paths) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
            ServletRequestPathUtils.parseAndCache(request);
            for (RequestMappingInfo info : infos) {
                boolean matches = info.getPathPatternsCondition().getMatchingCondition(request) != null;
                boolean mayMatch = lookup.mayMatch(info, path);
                if (matches) {
                    matched++;
                    if (!mayMatch) {
                        wronglyPassedOver.add(path + " -> " + info);
                    }
                } else if (!mayMatch) {
                    passedOver++;
                }
            }
        }
        assertThat(wronglyPassedOver).isEmpty();
        assertThat(infos).hasSizeGreaterThan(100);
        assertThat(matched).as("paths matched").isGreaterThanOrEqualTo(infos.size());
        assertThat(passedOver).as("mappings passed over by their beginning").isGreaterThan(matched * 20);
    }

    @Test
    void aPatternsLiteralBeginningEndsAtItsFirstVariableOrWildcard() {
        assertThat(PathFirstHandlerLookup.Mapping.literalBeginning("/api/contacts/{id}/actions"))
                .isEqualTo("/api/contacts/");
        assertThat(PathFirstHandlerLookup.Mapping.literalBeginning("/webjars/**")).isEqualTo("/webjars/");
        assertThat(PathFirstHandlerLookup.Mapping.literalBeginning("/api/cases")).isEqualTo("/api/cases");
        assertThat(PathFirstHandlerLookup.Mapping.literalBeginning("/a?c")).isEqualTo("/a");
    }

    /** The pattern with every variable and wildcard replaced by {@code filler}. */
    private static String fill(String pattern, String filler) {
        Matcher m = VARIABLE.matcher(pattern);
        return m.replaceAll(Matcher.quoteReplacement(filler));
    }
}
