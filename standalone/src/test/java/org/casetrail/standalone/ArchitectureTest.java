package org.casetrail.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.casetrail.command.domain.CaseEvents;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
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
            .should().dependOnClassesThat().resideInAnyPackage("org.casetrail.query..", "org.casetrail.audit..");

    @ArchTest
    static final ArchRule querySideDoesNotDependOnCommandSide = noClasses()
            .that().resideInAnyPackage("org.casetrail.query..", "org.casetrail.audit..")
            .should().dependOnClassesThat().resideInAPackage("org.casetrail.command..");

    @ArchTest
    static final ArchRule platformServesBothSidesAndKnowsNeither = noClasses()
            .that().resideInAPackage("org.casetrail.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("org.casetrail.command..", "org.casetrail.query..",
                                                                "org.casetrail.audit..", "org.casetrail.standalone..");

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
            .should(new ArchCondition<>("be a record, an enum or a sealed interface over records") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    boolean ok = item.isRecord() || item.isEnum()
                                 || item.isInterface() && item.reflect().isSealed()
                                 // What javac writes for a switch over an enum.
                                 || item.getModifiers().contains(JavaModifier.SYNTHETIC);
                    events.add(new SimpleConditionEvent(item, ok, item.getName() + " is a record or an enum"));
                }
            });

    @ArchTest
    static final ArchRule noCyclesBetweenModules = slices().matching("org.casetrail.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenPlatformPackages = slices().matching("org.casetrail.platform.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenCommandFeatures = slices().matching("org.casetrail.command.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenQueryFeatures = slices().matching("org.casetrail.query.(*)..")
            .should().beFreeOfCycles();

    /** A feature reaches another only through the public types it offers (its queries and views). */
    @ArchTest
    static final ArchRule queryFeaturesMeetThroughPublicTypes = classes()
            .that().resideInAPackage("org.casetrail.query..")
            .should(new ArchCondition<>("use another feature's public types only") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass().getBaseComponentType();
                        if (target.getPackageName().startsWith("org.casetrail.query.")
                            && !target.getPackageName().equals(item.getPackageName())
                            && !target.getModifiers().contains(JavaModifier.PUBLIC)) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

    @ArchTest
    static final ArchRule aggregatesKnowNothingOfHttp = noClasses()
            .that().areAnnotatedWith(Aggregate.class).or().resideInAPackage("org.casetrail.command.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                                                                "jakarta.servlet..", "org.casetrail.command.web..");

    /**
     * Every event an aggregate applies carries its case, which keeps each case's events in order in a projection
     * split into segments: aggregates apply through {@link CaseEvents}, never Axon's {@code apply} directly.
     */
    @ArchTest
    static final ArchRule eventsAreAppliedWithTheirCase = noClasses()
            .that().doNotHaveFullyQualifiedName(CaseEvents.class.getName())
            .should().callMethod(AggregateLifecycle.class, "apply", Object.class)
            .orShould().callMethod(AggregateLifecycle.class, "apply", Object.class, MetaData.class);

    /** The audit trail and chain stand beside the read models: they use none of them. */
    @ArchTest
    static final ArchRule auditUsesNoReadModel = noClasses()
            .that().resideInAPackage("org.casetrail.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.casetrail.query..", "org.casetrail.command..");

    /** An auditor's verifier needs nothing but the JDK (and a JDBC driver at run time). */
    @ArchTest
    static final ArchRule verifierUsesOnlyTheJdk = classes()
            .that().resideInAnyPackage("org.casetrail.audit.verify..", "org.casetrail.audit.archive..")
            .should().onlyDependOnClassesThat(DescribedPredicate.describe("the JDK",
                    (JavaClass c) -> c.getPackageName().startsWith("java.")
                            || c.getPackageName().startsWith("org.casetrail.audit.verify")
                            || c.getPackageName().startsWith("org.casetrail.audit.archive")
                            || c.isPrimitive() || c.isArray() && c.getBaseComponentType().isPrimitive()));
}
