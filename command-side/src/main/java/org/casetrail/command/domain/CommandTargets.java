package org.casetrail.command.domain;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Finds the aggregate a command is for, and the version it expects, from the command's
 * {@link TargetAggregateIdentifier} and {@link TargetAggregateVersion} members: the rule of Axon's own
 * {@code AnnotationCommandTargetResolver} (a method without parameters before a field, meta-annotations counted),
 * except that the members are looked up once per command class rather than by reflecting over the whole class on
 * every command. Every aggregate takes it as its resolver (Axon uses a bean of this type as the default).
 */
@Component
public final class CommandTargets implements CommandTargetResolver {

    private final ClassValue<Target> targets = new ClassValue<>() {
        @Override
        protected Target computeValue(Class<?> type) {
            return new Target(reader(type, TargetAggregateIdentifier.class),
                              reader(type, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        Target target = targets.get(command.getPayloadType());
        Object identifier = target.identifier().apply(payload);
        if (identifier == null) {
            throw new IllegalArgumentException("Invalid command. It does not identify the target aggregate: "
                                               + command.getPayloadType().getSimpleName()
                                               + " has no member marked @TargetAggregateIdentifier with a value.");
        }
        return new VersionedAggregateIdentifier(identifier, version(target.version().apply(payload)));
    }

    private static Long version(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
    }

    /** How to read the member marked with {@code annotation}; one that reads nothing when no member is marked. */
    private static Function<Object, Object> reader(Class<?> type, Class<? extends Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (method.getParameterCount() == 0 && AnnotationUtils.isAnnotationPresent(method, annotation)) {
                ReflectionUtils.ensureAccessible(method);
                return payload -> invoke(method, payload);
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                ReflectionUtils.ensureAccessible(field);
                return payload -> ReflectionUtils.getFieldValue(field, payload);
            }
        }
        return payload -> null;
    }

    private static Object invoke(Method method, Object payload) {
        try {
            return method.invoke(payload);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate information from a "
                                               + "command", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("The aggregate information of a command could not be read.", e);
        }
    }

    private record Target(Function<Object, Object> identifier, Function<Object, Object> version) {
    }
}
