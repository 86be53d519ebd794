package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What every page answers with, whatever it shows: a Content-Security-Policy that allows no inline script, a
 * session cookie that scripts cannot read and other sites do not send, Secure behind the TLS proxy; and templates
 * that need nothing the policy refuses.
 */
class PageHeadersTest extends HttpTestSupport {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+=\"",
                                                                  Pattern.CASE_INSENSITIVE);

    private HttpResponse<String> signInPage(String forwardedProto) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in")).GET();
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesForbidInlineScriptAndKeepTheSessionCookieFromScriptsAndOtherSites() throws Exception {
        var page = signInPage(null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        String cookie = page.headers().allValues("Set-Cookie").stream()
                            .filter(c -> c.startsWith("CASETRAIL_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        assertThat(INLINE_SCRIPT.matcher(page.body()).find()).isFalse();
    }

    @Test
    void behindTheTlsProxyTheSessionCookieIsSecure() throws Exception {
        String cookie = signInPage("https").headers().allValues("Set-Cookie").stream()
                                           .filter(c -> c.startsWith("CASETRAIL_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("Secure", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void noTemplateHoldsInlineScriptOrEventHandlers() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Stream.of(Path.of("..", "web-layout", "src", "main", "resources", "templates"),
                                            Path.of("..", "query-side", "src", "main", "resources", "templates"))
                                        .flatMap(PageHeadersTest::walk)) {
            templates = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(templates).hasSizeGreaterThan(20);
        for (Path template : templates) {
            assertThat(INLINE_SCRIPT.matcher(Files.readString(template)).find()).as(template.toString()).isFalse();
        }
    }

    private static Stream<Path> walk(Path folder) {
        try {
            return Files.walk(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
