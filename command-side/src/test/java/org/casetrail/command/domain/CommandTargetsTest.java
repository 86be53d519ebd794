package org.casetrail.command.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

/** The cached resolver must find exactly what Axon's own annotation resolver finds, for every command there is. */
class CommandTargetsTest {

    private final CommandTargets targets = new CommandTargets();
    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    @Test
    void everyCommandOfTheCommandSideResolvesAsAxonResolvesIt() throws Exception {
        List<Class<?>> commands = commandClasses();
        assertThat(commands).hasSizeGreaterThanOrEqualTo(30);
        int versioned = 0;
        for (Class<?> type : commands) {
            for (Long version : new Long[] {null, 7L}) {
                Object command = instance(type, "target-" + type.getSimpleName(), version);
                VersionedAggregateIdentifier expected = axon.resolveTarget(GenericCommandMessage.asCommandMessage(command));
                VersionedAggregateIdentifier actual = targets.resolveTarget(GenericCommandMessage.asCommandMessage(command));
                assertThat(actual).as(type.getName()).isEqualTo(expected);
                assertThat(actual.getIdentifier()).isEqualTo("target-" + type.getSimpleName());
                if (actual.getVersion() != null) {
                    versioned++;
                }
            }
        }
        assertThat(versioned).as("commands carrying an expected version").isGreaterThanOrEqualTo(20);
    }

    @Test
    void aMethodComesBeforeAFieldAndMetaAnnotationsCount() {
        assertThat(resolve(new MethodAndField("from-field", 3))).isEqualTo(new VersionedAggregateIdentifier("from-method", 3L));
        assertThat(resolve(new MetaMarked(42, "9"))).isEqualTo(new VersionedAggregateIdentifier((Object) 42, 9L));
        assertThat(resolve(new MetaMarked(42, "9"))).isEqualTo(axon.resolveTarget(GenericCommandMessage.asCommandMessage(new MetaMarked(42, "9"))));
        assertThat(resolve(new MethodAndField("x", 1))).isEqualTo(axon.resolveTarget(GenericCommandMessage.asCommandMessage(new MethodAndField("x", 1))));
    }

    @Test
    void aCommandWithoutItsTargetOrWithAVersionThatIsNoNumberIsRefused() {
        assertThatThrownBy(() -> resolve(new Unmarked("a"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unmarked");
        assertThatThrownBy(() -> resolve(new MetaMarked(null, "1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not identify the target aggregate");
        assertThatThrownBy(() -> resolve(new MetaMarked(1, "seven"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
    }

    private VersionedAggregateIdentifier resolve(Object command) {
        return targets.resolveTarget(GenericCommandMessage.asCommandMessage(command));
    }

    /** Every record of the command side's main classes with a member marked as the target aggregate. */
    private static List<Class<?>> commandClasses() throws Exception {
        Path classes = Path.of(CommandTargets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> commands = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Command.class")).toList()) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '.');
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()));
                if (type.isRecord() && Arrays.stream(type.getRecordComponents())
                        .anyMatch(c -> c.getAccessor().isAnnotationPresent(TargetAggregateIdentifier.class))) {
                    commands.add(type);
                }
            }
        }
        return commands;
    }

    /** The record with its identifier component set to {@code id}, its version component (if any) to {@code version}. */
    private static Object instance(Class<?> type, String id, Long version) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            if (component.getAccessor().isAnnotationPresent(TargetAggregateIdentifier.class)) {
                values[i] = id;
            } else if (component.getAccessor().isAnnotationPresent(TargetAggregateVersion.class)) {
                values[i] = version;
            } else {
                values[i] = defaultOf(component.getType());
            }
        }
        Constructor<?> canonical = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        canonical.setAccessible(true);
        return canonical.newInstance(values);
    }

    private static Object defaultOf(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.FIELD})
    @TargetAggregateIdentifier
    @interface Subject {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.FIELD})
    @TargetAggregateVersion
    @interface Expecting {
    }

    static final class MethodAndField {
        @TargetAggregateIdentifier
        private final String id;
        @TargetAggregateVersion
        private final int version;

        MethodAndField(String id, int version) {
            this.id = id;
            this.version = version;
        }

        @TargetAggregateIdentifier
        String target() {
            return "from-method";
        }
    }

    record MetaMarked(@Subject Integer number, @Expecting String version) {
    }

    record Unmarked(String id) {
    }
}
