package org.casetrail.platform.request;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.axonframework.messaging.MetaData;
import org.casetrail.platform.messaging.MetaDataKeys;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.web.CorrelationIdFilter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The metadata a message caused by the current request carries: who acted (from the authenticated principal),
 * in what role, from which address, under which correlation id.
 */
public final class RequestMetaData {

    private RequestMetaData() {
    }

    public static MetaData current() {
        Map<String, Object> values = new HashMap<>();
        CurrentUser user = CurrentUser.require();
        values.put(MetaDataKeys.ACTOR, user.username());
        values.put(MetaDataKeys.ACTOR_ROLE, user.role().name());
        CorrelationIdFilter.current().ifPresent(id -> values.put(MetaDataKeys.REQUEST_ID, id));
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            values.put(MetaDataKeys.CLIENT_ADDRESS, request.getRemoteAddr());
        }
        return MetaData.from(values);
    }
}
