package org.casetrail.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** The module rules of the house style, checked on the compiled code. */
@AnalyzeClasses(packages = "org.casetrail", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideDoesNotDependOnQuerySide = noClasses()
            .that().resideInAPackage("org.casetrail.command..")
            .should().dependOnClassesThat().resideInAPackage("org.casetrail.query..");

    @ArchTest
    static final ArchRule querySideDoesNotDependOnCommandSide = noClasses()
            .that().resideInAPackage("org.casetrail.query..")
            .should().dependOnClassesThat().resideInAPackage("org.casetrail.command..");

    @ArchTest
    static final ArchRule platformServesBothSidesAndKnowsNeither = noClasses()
            .that().resideInAPackage("org.casetrail.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("org.casetrail.command..", "org.casetrail.query..",
                                                                "org.casetrail.standalone..");

    @ArchTest
    static final ArchRule sharedEventsUseOnlyTheJdk = classes()
            .that().resideInAPackage("org.casetrail.events..")
            .should().onlyDependOnClassesThat(DescribedPredicate.describe("the JDK or the event contract",
                    (JavaClass c) -> c.getPackageName().startsWith("java.")
                            || c.getPackageName().startsWith("org.casetrail.events")
                            || c.isPrimitive() || c.isArray() && c.getBaseComponentType().isPrimitive()));

    @ArchTest
    static final ArchRule sharedEventsAreRecordsOrEnums = classes()
            .that().resideInAPackage("org.casetrail.events..")
            .and().doNotHaveSimpleName("package-info")
            .should(new ArchCondition<>("be a record or an enum") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    boolean ok = item.isRecord() || item.isEnum();
                    events.add(new SimpleConditionEvent(item, ok, item.getName() + " is a record or an enum"));
                }
            });
}
