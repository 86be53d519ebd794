package org.casetrail.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of pages for people in a browser (HTML), as opposed to the JSON API. Its failures are answered
 * with error pages in the service's design ({@link PageErrors}), never problem+json.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Controller
public @interface PageController {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}
