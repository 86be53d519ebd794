package org.casetrail.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.ManagedList;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.web.filter.CompositeFilter;
import org.springframework.web.filter.ServletRequestPathFilter;

/**
 * The chain is restored as built only where Spring Security arranged it as this service knows (a composite of the
 * MVC handler lookup and the chain); any other arrangement is left alone. The service's own chain is checked in
 * the running service (RoleMatrixTest), with every role rule.
 */
class SecurityWithoutHandlerLookupTest {

    private static final String COMPOSITE = "org.springframework.security.config.annotation.web.configuration."
            + "WebMvcSecurityConfiguration$CompositeFilterChainProxy";
    private static final String LOOKUP = "org.springframework.security.config.annotation.web.configuration."
            + "WebMvcSecurityConfiguration$HandlerMappingIntrospectorCacheFilterFactoryBean";

    @Test
    void theChainAsBuiltReplacesTheCompositeThatLooksUpHandlers() {
        BeanDefinition built = BeanDefinitionBuilder.rootBeanDefinition(FilterChainProxy.class).getBeanDefinition();
        DefaultListableBeanFactory factory = withChain(composite(definition(LOOKUP), built));

        new SecurityWithoutHandlerLookup().postProcessBeanFactory(factory);

        assertThat(factory.getBeanDefinition(SecurityWithoutHandlerLookup.CHAIN)).isSameAs(built);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLookupIsTakenOutFromInsideAnotherComposite() {
        BeanDefinition built = BeanDefinitionBuilder.rootBeanDefinition(FilterChainProxy.class).getBeanDefinition();
        BeanDefinition paths = definition(ServletRequestPathFilter.class.getName());
        BeanDefinition outer = composite(paths, composite(definition(LOOKUP), built));
        DefaultListableBeanFactory factory = withChain(outer);

        new SecurityWithoutHandlerLookup().postProcessBeanFactory(factory);

        assertThat(factory.getBeanDefinition(SecurityWithoutHandlerLookup.CHAIN)).isSameAs(outer);
        assertThat((List<Object>) outer.getConstructorArgumentValues().getIndexedArgumentValue(0, null).getValue())
                .containsExactly(paths, built);
    }

    @Test
    void aCompositeInsideTheLookupsIsKeptWhole() {
        BeanDefinition inner = composite(definition(ServletRequestPathFilter.class.getName()),
                BeanDefinitionBuilder.rootBeanDefinition(FilterChainProxy.class).getBeanDefinition());
        DefaultListableBeanFactory factory = withChain(composite(definition(LOOKUP), inner));

        new SecurityWithoutHandlerLookup().postProcessBeanFactory(factory);

        assertThat(factory.getBeanDefinition(SecurityWithoutHandlerLookup.CHAIN)).isSameAs(inner);
    }

    @Test
    void anyOtherArrangementIsLeftAsItIs() {
        BeanDefinition built = BeanDefinitionBuilder.rootBeanDefinition(FilterChainProxy.class).getBeanDefinition();
        BeanDefinition[] arrangements = {
                composite(definition(LOOKUP), built, definition(CompositeFilter.class.getName())),
                composite(definition(CompositeFilter.class.getName()), built),
                composite(built),
                built,
        };
        for (BeanDefinition arrangement : arrangements) {
            DefaultListableBeanFactory factory = withChain(arrangement);

            new SecurityWithoutHandlerLookup().postProcessBeanFactory(factory);

            assertThat(factory.getBeanDefinition(SecurityWithoutHandlerLookup.CHAIN)).isSameAs(arrangement);
        }
    }

    @Test
    void noChainNoChange() {
        DefaultListableBeanFactory factory = new DefaultListableBeanFactory();

        new SecurityWithoutHandlerLookup().postProcessBeanFactory(factory);

        assertThat(factory.getBeanDefinitionNames()).isEmpty();
    }

    private static DefaultListableBeanFactory withChain(BeanDefinition chain) {
        DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
        factory.registerBeanDefinition(SecurityWithoutHandlerLookup.CHAIN, chain);
        return factory;
    }

    private static BeanDefinition composite(BeanDefinition... filters) {
        ManagedList<BeanDefinition> list = new ManagedList<>();
        list.addAll(List.of(filters));
        BeanDefinition composite = definition(COMPOSITE);
        composite.getConstructorArgumentValues().addIndexedArgumentValue(0, list);
        return composite;
    }

    private static BeanDefinition definition(String type) {
        BeanDefinition definition = BeanDefinitionBuilder.genericBeanDefinition().getBeanDefinition();
        definition.setBeanClassName(type);
        return definition;
    }
}
