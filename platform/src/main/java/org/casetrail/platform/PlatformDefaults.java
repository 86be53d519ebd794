package org.casetrail.platform;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds Casetrail's shared defaults as the last property source, so every deployment shape (command-side,
 * query-side, standalone) starts from the same settings and any of them can be overridden in the usual ways.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "casetrail-platform.properties";

    private final String name;
    private final String resource;

    public PlatformDefaults() {
        this("casetrailPlatformDefaults", RESOURCE);
    }

    /** Defaults of another shared module, from its own properties file on the class path. */
    protected PlatformDefaults(String name, String resource) {
        this.name = name;
        this.resource = resource;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new PropertiesPropertySourceLoader()
                    .load(name, new ClassPathResource(resource))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
