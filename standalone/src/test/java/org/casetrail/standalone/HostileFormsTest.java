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
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
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
            Posted posted = postAndJudge(path, body, statuses);
            if (posted.failure() != null) {
                failures.add(posted.failure() + " " + path + " " + body.substring(0, Math.min(300, body.length())));
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

    /**
     * The other half of the class: forms filled as a person would, with real values, but one field left out, each
     * field of each form's page in turn (then none). A missing optional field must be as good as a blank one (a
     * plan without its visit frequency once failed), a missing required one a refusal in words.
     */
    @Test
    void formsWithAFieldLeftOutAreAnsweredWithoutError() throws Exception {
        String csrf = signIn("alex");
        Random random = new Random(20261202);
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        for (String template : formPaths()) {
            // Records of its own for each form, so no form finds them already signed, closed or cancelled.
            Map<String, String> ids = records();
            Map<String, List<String>> plausible = plausible(ids);
            // A signed contact's own forms are its addenda and corrections; the rest are a draft's.
            String path = fill(template.replace("{contactId}", template.matches(".*/(addendum|correct/.*)")
                                                               ? ids.get("signedId") : ids.get("contactId")),
                               ids, random);
            List<String> fields = shownFields(get(path).body(), plausible);
            List<String> leftOut = new ArrayList<>(fields);
            leftOut.add(null);
            for (String omitted : leftOut) {
                get(path);
                Matcher version = VERSION.matcher(get(path).body());
                StringBuilder body = new StringBuilder("_csrf=").append(enc(csrf));
                if (version.find()) {
                    body.append("&version=").append(version.group(1));
                }
                for (String field : fields) {
                    if (!field.equals(omitted)) {
                        List<String> values = plausible.get(field);
                        body.append('&').append(field).append('=')
                            .append(enc(values.get(random.nextInt(values.size()))));
                    }
                }
                Posted posted = postAndJudge(path, body.toString(), statuses);
                if (posted.failure() != null) {
                    failures.add(posted.failure() + " " + path + " without " + omitted + ": " + body);
                } else if (posted.accepted()) {
                    accepted++;
                }
            }
        }
        System.out.println("Forms with a field left out, by status: " + statuses + "; accepted " + accepted);
        assertThat(failures).as(failures.size() + " forms went wrong").isEmpty();
        assertThat(accepted).as("forms complete enough to be accepted").isGreaterThan(20);
        assertThat(as("morgan").get("/actuator/health/readiness").status()).as("every projection still live")
                                                                           .isEqualTo(200);
    }

    /** What came of a form posted: what went wrong (null if nothing), else whether it was accepted. */
    private record Posted(String failure, boolean accepted) {
    }

    /**
     * Posts a form and judges the answer: a 5xx is a failure, and so is a refusal that stored anything. Back to the
     * form itself is a refusal; success goes on to another page, or to the form with ?done=.
     */
    private Posted postAndJudge(String path, String body, Map<Integer, Integer> statuses) throws Exception {
        long before = events();
        HttpResponse<String> response = post(path, body);
        statuses.merge(response.statusCode(), 1, Integer::sum);
        String location = response.headers().firstValue("Location").orElse("");
        boolean refused = response.statusCode() >= 400
                          || response.statusCode() / 100 == 3 && location.endsWith(path);
        if (response.statusCode() >= 500) {
            return new Posted(String.valueOf(response.statusCode()), false);
        }
        if (refused && events() != before) {
            return new Posted("stored on refusal:", false);
        }
        return new Posted(null, !refused);
    }

    /** The fields a form's page shows that a person fills (those of them with a real value to give). */
    private static List<String> shownFields(String page, Map<String, List<String>> plausible) {
        Matcher named = Pattern.compile("<(?:input|select|textarea)[^>]*?name=\"([a-z][a-z0-9-]*)\"").matcher(page);
        TreeSet<String> fields = new TreeSet<>();
        while (named.find()) {
            if (plausible.containsKey(named.group(1)) && !named.group(1).equals("version")) {
                fields.add(named.group(1));
            }
        }
        return List.copyOf(fields);
    }

    /** A real value, or a few, for every field the forms read. */
    private static Map<String, List<String>> plausible(Map<String, String> ids) {
        java.time.LocalDate yesterday = java.time.LocalDate.now().minusDays(1);
        java.time.LocalDate soon = java.time.LocalDate.now().plusDays(9);
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("version", List.of("1", "2", "3"));
        values.put("setting", List.of("HOME", "OFFICE", "PHONE"));
        values.put("location", List.of("12 Acacia Avenue"));
        dated(values, "start", yesterday);
        values.put("start-time", List.of("10:00", "9.30am"));
        values.put("end-time", List.of("11:00"));
        values.put("attendee-name", List.of("Jo Bloggs", "Ana Núñez"));
        values.put("attendee-role", List.of("SERVICE_USER", "PARENT_OR_CARER", "PROFESSIONAL"));
        values.put("attendee-organisation", List.of("Northside School"));
        values.put("attendee-contact", List.of("07700 900123"));
        values.put("not-seen-reason", List.of("Jo was at school"));
        values.put("purpose", List.of("Review the safety plan"));
        values.put("plans", List.of(ids.get("planId")));
        values.put("intervention", List.of("Motivational interviewing"));
        values.put("theory", List.of("Attachment theory"));
        values.put("description", List.of("Jo showed me her room and talked about school."));
        values.put("presentation", List.of("Calm and engaged"));
        values.put("no-new-risks", List.of("yes"));
        values.put("guidance-needed", List.of("yes", "no"));
        values.put("no-next-session-reason", List.of("The case is closing"));
        values.put("child-visit", List.of("yes"));
        values.put("child-seen", List.of("yes", "no"));
        values.put("seen-alone", List.of("yes", "no"));
        values.put("bedroom-seen", List.of("yes", "no"));
        values.put("wishes", List.of("Jo wants to stay at her school"));
        values.put("category", List.of("TO_SELF", "FROM_OTHERS"));
        values.put("aspects", List.of("SAFETY"));
        values.put("severity", List.of("LOW", "HIGH"));
        values.put("professional-name", List.of("Dr Okafor"));
        values.put("professional-organisation", List.of("GP surgery"));
        values.put("professional-role", List.of("GP"));
        values.put("assignee", List.of("alex", "sam"));
        dated(values, "due", soon);
        values.put("term", List.of("SHORT", "LONG"));
        values.put("expected-outcome", List.of("Jo attends every day for a month"));
        values.put("question", List.of("Should we convene a strategy meeting?"));
        values.put("urgency", List.of("ROUTINE", "URGENT"));
        dated(values, "scheduled", soon);
        values.put("scheduled-time", List.of("15:00"));
        values.put("focus", List.of("School attendance"));
        values.put("reason", List.of("Recorded in error"));
        values.put("text", List.of("Jo's mother called back later."));
        values.put("outcome", List.of("Done as agreed"));
        values.put("contact", List.of(ids.get("signedId")));
        values.put("note", List.of("Reviewed with Jo"));
        dated(values, "attempted", yesterday);
        values.put("attempted-time", List.of("14:00"));
        values.put("guidance", List.of("Convene one this week"));
        values.put("kind", List.of("CARE_PLAN", "ASSESSMENT"));
        values.put("title", List.of("Safety plan"));
        dated(values, "date", yesterday);
        values.put("summary", List.of("What the plan sets out"));
        values.put("visit-frequency", List.of("1 week", "10 working days"));
        values.put("steps-not-met", List.of("0", "3"));
        values.put("shortfall-reason", List.of("Recorded in a hurry after a crisis"));
        values.put("reason-after-signing", List.of("Learned of it afterwards"));
        values.put("significant", List.of("yes", "no"));
        values.put("impact", List.of("Jo moved school"));
        values.put("marked", List.of("yes"));
        values.put("shown-setting", List.of("HOME"));
        values.put("shown-timing", List.of("yes"));
        return values;
    }

    private static void dated(Map<String, List<String>> values, String field, java.time.LocalDate date) {
        values.put(field + "-day", List.of(String.valueOf(date.getDayOfMonth())));
        values.put(field + "-month", List.of(String.valueOf(date.getMonthValue())));
        values.put(field + "-year", List.of(String.valueOf(date.getYear())));
    }

    /** A case with a plan, a draft and a signed contact, and one of each follow-up. */
    private Map<String, String> records() {
        Map<String, String> ids = new LinkedHashMap<>();
        String caseId = openCase();
        ids.put("planId", alex().post("/api/cases/" + caseId + "/plans", CARE_PLAN).text("planId"));
        String signed = alex().post("/api/cases/" + caseId + "/contacts", COMPLETE_DRAFT).text("contactId");
        alex().post("/api/contacts/" + signed + "/finalise", "");
        ids.put("caseId", caseId);
        ids.put("signedId", signed);
        ids.put("contactId", alex().post("/api/cases/" + caseId + "/contacts", COMPLETE_DRAFT).text("contactId"));
        // Raised after signing, so each says why (without a reason none would exist, and the forms of follow-ups
        // would only ever be tried with an id of nothing).
        ids.put("riskId", alex().post("/api/contacts/" + signed + "/risks", """
                {"category": "TO_SELF", "aspects": ["SAFETY"], "description": "d", "severity": "LOW",
                 "reasonAfterSigning": "Learned of it afterwards"}""").text("riskId"));
        ids.put("actionId", alex().post("/api/contacts/" + signed + "/actions", """
                {"description": "d", "assignee": "alex", "dueDate": "2027-01-10", "term": "SHORT",
                 "reasonAfterSigning": "Learned of it afterwards"}""").text("actionId"));
        ids.put("sessionId", alex().post("/api/contacts/" + signed + "/next-session", """
                {"scheduledFor": "2027-01-05T10:00:00Z", "setting": {"type": "HOME"},
                 "reasonAfterSigning": "Learned of it afterwards"}""").text("sessionId"));
        ids.put("requestId", alex().post("/api/contacts/" + signed + "/guidance-requests", """
                {"question": "q", "urgency": "ROUTINE", "reasonAfterSigning": "Learned of it afterwards"}""")
                .text("requestId"));
        ids.forEach((name, id) -> assertThat(id).as(name).matches("[0-9a-f-]{36}"));
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
