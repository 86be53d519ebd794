package org.casetrail.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read handler under {@code /api} and says which of its path variables name the case and the record it
 * reads, so its access event names them and the trail filtered by case finds it. A read of a record that is not a
 * case (a contact, say) names the record; the audit log finds its case from the events. Every read handler under
 * {@code /api} must carry it: {@link AccessLog} refuses to start otherwise.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AuditedRead {

    /**
     * The path variable (or, where there is none of that name, the query parameter) holding the case's id, or empty
     * when the read is not of one case.
     */
    String caseId() default "";

    /** The path variable holding the id of the record read, when it is not the case itself. */
    String recordId() default "";
}
