package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casetrail.web.PageController;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Generated hostile input over every form the pages post, found from the handlers themselves so a new form is
 * covered the day it is written: control characters, broken UTF-8, huge and negative numbers, impossible dates,
 * over-long text, stale and nonsense versions, unknown choices, missing fields. Each post must be refused
 * cleanly (back to its form, or an error page) or accepted, never a 5xx; a refused one stores nothing; and
 * afterwards every projection is still live and every record's pages still open.
 */
class HostileFormsTest extends HttpTestSupport {

    private static final int REQUESTS = 400;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final List<String> FIELDS = List.of("setting", "location", "start-day", "start-month",
            "start-year", "start-time", "end-time", "attendee-name", "attendee-role", "attendee-organisation",
            "attendee-contact", "purpose", "plans", "intervention", "theory", "description", "category", "aspects",
            "severity", "professional-name", "professional-organisation", "professional-role", "assignee",
            "due-day", "due-month", "due-year", "term", "question", "urgency", "scheduled-day", "scheduled-month",
            "scheduled-year", "scheduled-time", "focus", "reason", "text", "outcome", "contact", "note",
            "attempted-day", "attempted-month", "attempted-year", "attempted-time", "guidance", "kind", "title",
            "date-day", "date-month", "date-year", "summary", "shown-setting", "shown-timing", "version",
            "reason-after-signing", "child-visit", "child-seen", "seen-alone", "bedroom-seen", "wishes", "significant",
            "impact", "marked");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                                                 .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void hostileFormsAreRefusedCleanlyAndStoreNothing() throws Exception {
        Map<String, String> ids = records();
        List<String> forms = formPaths();
        assertThat(forms).as("the forms found").hasSizeGreaterThan(20);
        String csrf = signIn("alex");
        Random random = new Random(20261201);
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String template = forms.get(random.nextInt(forms.size()));
            String path = fill(template, ids, random);
            String body = hostileBody(random, csrf);
            long before = events();
            HttpResponse<String> response = post(path, body);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String location = response.headers().firstValue("Location").orElse("");
            // Back to the form itself is a refusal; success goes on to another page, or to the form with ?done=.
            boolean refused = response.statusCode() >= 400
                              || response.statusCode() / 100 == 3 && location.endsWith(path);
            if (response.statusCode() >= 500) {
                failures.add(response.statusCode() + " " + path + " " + body.substring(0, Math.min(300, body.length())));
            } else if (refused && events() != before) {
                failures.add("stored on refusal: " + path + " " + body.substring(0, Math.min(300, body.length())));
            }
        }
        for (int i = 0; i < REQUESTS / 2; i++) {
            String page = fill(pagePaths().get(random.nextInt(pagePaths().size())), ids, random);
            String query = hostileBody(random, csrf).replaceFirst("^_csrf=[^&]*&?", "");
            HttpResponse<String> response = get(page + "?" + query);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() >= 500) {
                failures.add(response.statusCode() + " GET " + page + "?" + query.substring(0, Math.min(300,
                                                                                                       query.length())));
            }
        }
        System.out.println("Hostile forms and page queries by status: " + statuses);
        assertThat(failures).as(failures.size() + " hostile forms went wrong").isEmpty();
        assertThat(as("morgan").get("/actuator/health/readiness").status()).as("every projection still live")
                                                                           .isEqualTo(200);
        for (String page : List.of("/", "/cases/" + ids.get("caseId"), "/contacts/" + ids.get("contactId"),
                                   "/contacts/" + ids.get("signedId"), "/cases/" + ids.get("caseId") + "/chronology")) {
            assertThat(get(page).statusCode()).as(page).isEqualTo(200);
        }
    }

    /** A case with a plan, a draft and a signed contact, and one of each follow-up. */
    private Map<String, String> records() {
        Map<String, String> ids = new LinkedHashMap<>();
        String caseId = openCase();
        alex().post("/api/cases/" + caseId + "/plans", CARE_PLAN);
        String signed = alex().post("/api/cases/" + caseId + "/contacts", COMPLETE_DRAFT).text("contactId");
        alex().post("/api/contacts/" + signed + "/finalise", "");
        ids.put("caseId", caseId);
        ids.put("signedId", signed);
        ids.put("contactId", alex().post("/api/cases/" + caseId + "/contacts", COMPLETE_DRAFT).text("contactId"));
        ids.put("riskId", alex().post("/api/contacts/" + signed + "/risks", """
                {"category": "TO_SELF", "aspects": ["SAFETY"], "description": "d", "severity": "LOW"}""")
                .text("riskId"));
        ids.put("actionId", alex().post("/api/contacts/" + signed + "/actions", """
                {"description": "d", "assignee": "alex", "dueDate": "2027-01-10", "term": "SHORT"}""")
                .text("actionId"));
        ids.put("sessionId", alex().post("/api/contacts/" + signed + "/next-session", """
                {"scheduledFor": "2027-01-05T10:00:00Z", "setting": {"type": "HOME"}}""").text("sessionId"));
        ids.put("requestId", alex().post("/api/contacts/" + signed + "/guidance-requests", """
                {"question": "q", "urgency": "ROUTINE"}""").text("requestId"));
        eventually(() -> alex().get("/api/contacts/" + signed + "?minVersion=2").status(), s -> s == 200,
                   Duration.ofSeconds(10));
        return ids;
    }

    /** Every POST of a page controller, as its path template. */
    private List<String> formPaths() {
        return paths(RequestMethod.POST);
    }

    /** Every page (GET) of a page controller but the error page, as its path template. */
    private List<String> pagePaths() {
        return paths(RequestMethod.GET).stream().filter(p -> !p.equals("/error-page"))
                                       .map(p -> p.replaceAll("\\{step:([a-z-]+)[^}]*}", "$1")).toList();
    }

    private List<String> paths(RequestMethod method) {
        TreeSet<String> paths = new TreeSet<>();
        handlers.getHandlerMethods().forEach((info, handler) -> {
            if (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PageController.class)
                && info.getMethodsCondition().getMethods().contains(method)) {
                paths.addAll(info.getPatternValues());
            }
        });
        return List.copyOf(paths);
    }

    private static String fill(String template, Map<String, String> ids, Random random) {
        String path = template;
        for (var id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        if (path.contains("{contactId}")) {
            path = path.replace("{contactId}", random.nextBoolean() ? ids.get("contactId") : ids.get("signedId"));
        }
        // A significance page or form: of a contact (signed or not), or of something that is not a contact.
        path = path.replaceAll("\\{kind:[^}]*}", random.nextInt(4) == 0 ? "risks" : "contacts")
                   .replace("{itemId}", random.nextBoolean() ? ids.get("signedId") : ids.get("contactId"));
        String[] sections = {"ATTENDEES", "SETTING", "TIMING", "PURPOSE", "DESCRIPTION", "CHILD_VISIT", "NOPE",
                             "attendees"};
        return path.replace("{section}", sections[random.nextInt(sections.length)]);
    }

    private static String hostileBody(Random random, String csrf) {
        StringBuilder body = new StringBuilder("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        int fields = 1 + random.nextInt(12);
        for (int i = 0; i < fields; i++) {
            String name = random.nextInt(20) == 0 ? "x" + random.nextInt(1000) : FIELDS.get(random.nextInt(FIELDS.size()));
            body.append('&').append(name).append('=').append(hostileValue(random));
        }
        return body.toString();
    }

    /** Already form-encoded: some values carry bytes that are not UTF-8 at all. */
    private static String hostileValue(Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> "";
            case 1 -> enc("a\u0000b");
            case 2 -> "%ED%A0%80";                                    // a lone surrogate, as UTF-8 bytes
            case 3 -> "%FF%FE";                                       // not UTF-8
            case 4 -> enc("x".repeat(60_001));
            case 5 -> enc(String.valueOf(random.nextLong()));
            case 6 -> "-1";
            case 7 -> "99999999999999999999999";
            case 8 -> enc("31");
            case 9 -> enc("2");
            case 10 -> enc("25:61");
            case 11 -> enc("HOME");
            case 12 -> enc("\u202Eevil\u200B Zoë Алексей 我们");
            case 13 -> enc(java.util.UUID.randomUUID().toString());
            case 14 -> enc("1");
            default -> enc("<script>alert(1)</script>");
        };
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String signIn(String user) throws Exception {
        String token = csrf(get("/sign-in").body());
        post("/sign-in", "username=" + user + "&password=casetrail&_csrf=" + enc(token));
        return csrf(get("/").body());
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(body.getBytes(StandardCharsets.ISO_8859_1));
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                       .header("Content-Type", "application/x-www-form-urlencoded")
                                       .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())).build(),
                            HttpResponse.BodyHandlers.ofString());
    }
}
