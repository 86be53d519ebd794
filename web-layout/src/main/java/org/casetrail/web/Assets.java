package org.casetrail.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.stereotype.Component;

/**
 * Where GOV.UK Frontend's files are served from: the webjar's own folder, named by its version as the build pinned
 * it, so a new version is a new URL and the files can be cached for a year.
 */
@Component
class Assets {

    private static final String POM = "META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties";

    private final String govukBase;

    Assets() {
        Properties pom = new Properties();
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException("GOV.UK Frontend's webjar is not on the class path");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.govukBase = "/webjars/govuk-frontend/" + pom.getProperty("version") + "/dist/govuk";
    }

    String govukBase() {
        return govukBase;
    }
}
