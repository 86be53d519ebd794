package org.casetrail.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The README's role matrix, one request per cell: each endpoint as each role, refused with 403 exactly where the
 * matrix says so. Ids are random, so a permitted request may well end in 400 or 404; what matters is whether
 * the role was let through.
 */
class RoleMatrixTest extends HttpTestSupport {

    static final Set<String> EVERYONE = Set.of("alex", "morgan", "avery");
    static final Set<String> WRITERS = Set.of("alex", "morgan");
    static final Set<String> OVERSIGHT = Set.of("morgan", "avery");
    static final Set<String> MANAGERS = Set.of("morgan");

    static Stream<Arguments> cells() {
        String id = UUID.randomUUID().toString();
        Object[][] rows = {
                {"GET", "/api/cases", EVERYONE},
                {"GET", "/api/cases/" + id, EVERYONE},
                {"GET", "/api/cases/" + id + "/contacts", EVERYONE},
                {"GET", "/api/cases/" + id + "/risks", EVERYONE},
                {"GET", "/api/cases/" + id + "/sessions", EVERYONE},
                {"GET", "/api/contacts/" + id, EVERYONE},
                {"GET", "/api/contacts/" + id + "/history", EVERYONE},
                {"GET", "/api/actions", EVERYONE},
                {"GET", "/api/guidance-requests", EVERYONE},
                {"GET", "/api/compliance/visits", EVERYONE},
                {"GET", "/api/compliance/recording", EVERYONE},
                {"GET", "/api/audit/checkpoints/latest", EVERYONE},
                {"GET", "/api/cases/" + id + "/chronology", EVERYONE},
                {"GET", "/api/cases/" + id + "/bundle", OVERSIGHT},
                {"GET", "/api/cases/" + id + "/subject-access", OVERSIGHT},
                {"GET", "/api/audit", OVERSIGHT},
                {"GET", "/api/audit/verify", OVERSIGHT},
                {"POST", "/api/audit/checkpoints", OVERSIGHT},
                {"POST", "/api/cases", WRITERS},
                {"POST", "/api/cases/" + id + "/plans", WRITERS},
                {"POST", "/api/cases/" + id + "/close", MANAGERS},
                {"POST", "/api/cases/" + id + "/reopen", MANAGERS},
                {"PUT", "/api/contacts/" + id + "/child-visit", WRITERS},
                {"PUT", "/api/contacts/" + id + "/significance", WRITERS},
                {"POST", "/api/cases/" + id + "/contacts", WRITERS},
                {"PUT", "/api/contacts/" + id + "/attendees", WRITERS},
                {"PUT", "/api/contacts/" + id + "/setting", WRITERS},
                {"PUT", "/api/contacts/" + id + "/timing", WRITERS},
                {"PUT", "/api/contacts/" + id + "/purpose", WRITERS},
                {"PUT", "/api/contacts/" + id + "/description", WRITERS},
                {"POST", "/api/contacts/" + id + "/finalise", WRITERS},
                {"POST", "/api/contacts/" + id + "/addenda", WRITERS},
                {"POST", "/api/contacts/" + id + "/corrections", WRITERS},
                {"POST", "/api/contacts/" + id + "/discard", WRITERS},
                {"POST", "/api/contacts/" + id + "/risks", WRITERS},
                {"POST", "/api/contacts/" + id + "/actions", WRITERS},
                {"POST", "/api/contacts/" + id + "/guidance-requests", WRITERS},
                {"POST", "/api/contacts/" + id + "/next-session", WRITERS},
                {"POST", "/api/risks/" + id + "/reviews", WRITERS},
                {"POST", "/api/risks/" + id + "/close", WRITERS},
                {"POST", "/api/actions/" + id + "/reassign", WRITERS},
                {"POST", "/api/actions/" + id + "/due-date", WRITERS},
                {"POST", "/api/actions/" + id + "/complete", WRITERS},
                {"POST", "/api/actions/" + id + "/cancel", WRITERS},
                {"POST", "/api/guidance-requests/" + id + "/response", MANAGERS},
                {"POST", "/api/sessions/" + id + "/reschedule", WRITERS},
                {"POST", "/api/sessions/" + id + "/cancel", WRITERS},
                {"POST", "/api/sessions/" + id + "/no-access", WRITERS},
                {"POST", "/api/sessions/" + id + "/missed", WRITERS},
        };
        List<Arguments> cells = new ArrayList<>();
        for (Object[] row : rows) {
            for (String user : List.of("alex", "morgan", "avery")) {
                @SuppressWarnings("unchecked")
                Set<String> allowed = (Set<String>) row[2];
                cells.add(Arguments.of(row[0], row[1], user, allowed.contains(user)));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {2}: allowed {3}")
    @MethodSource("cells")
    void eachRoleMayDoExactlyWhatTheMatrixSays(String method, String path, String user, boolean allowed) {
        var api = as(user);
        var response = switch (method) {
            case "GET" -> api.get(path);
            case "PUT" -> api.put(path, "{}");
            default -> api.post(path, "{}");
        };
        if (allowed) {
            assertThat(response.status()).as(response.toString()).isNotIn(401, 403);
        } else {
            assertThat(response.status()).as(response.toString()).isEqualTo(403);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Autowired
    ConfigurableListableBeanFactory beans;

    /**
     * The rules above are decided by path patterns, by Spring Security's chain as built: not behind the filter that
     * looks up every request's MVC handler ahead of the dispatcher, which nothing here reads.
     */
    @Test
    void securityRunsWithoutAnMvcHandlerLookupOfItsOwn() {
        List<String> filters = new ArrayList<>();
        collectTypes(beans.getBeanDefinition("springSecurityFilterChain"), filters);

        assertThat(filters).as("the security filter chain's parts").isNotEmpty()
                           .noneMatch(type -> type.contains("HandlerMappingIntrospector"));
    }

    private static void collectTypes(Object part, List<String> types) {
        if (part instanceof BeanDefinition definition) {
            types.add(String.valueOf(definition.getBeanClassName()));
            for (var argument : definition.getConstructorArgumentValues().getIndexedArgumentValues().values()) {
                collectTypes(argument.getValue(), types);
            }
        } else if (part instanceof List<?> list) {
            list.forEach(each -> collectTypes(each, types));
        }
    }
}
