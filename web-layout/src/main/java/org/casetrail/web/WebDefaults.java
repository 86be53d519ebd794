package org.casetrail.web;

import org.casetrail.platform.PlatformDefaults;

/** The pages' defaults (sessions, cookies, templates), below every other property source like the platform's. */
public class WebDefaults extends PlatformDefaults {

    public WebDefaults() {
        super("casetrailWebDefaults", "casetrail-web.properties");
    }
}
