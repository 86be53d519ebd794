package org.casetrail.platform.security;

import java.time.ZoneId;
import java.util.Map;

/** The zone each user's times are shown in: their own where configured, else the service's. */
public record UserZones(Map<String, ZoneId> byUser, ZoneId serviceDefault) {

    public ZoneId zoneOf(String username) {
        return byUser.getOrDefault(username, serviceDefault);
    }
}
