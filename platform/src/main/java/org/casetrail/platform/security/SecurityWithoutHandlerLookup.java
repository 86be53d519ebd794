package org.casetrail.platform.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;

/**
 * Keeps Spring Security's filter chain as it is built, without the filter Spring Security puts in front of it whenever
 * Spring MVC is present: that filter finds the MVC handler of every request before the dispatcher does (the
 * dispatcher then finds it again), so that MVC request matchers and MVC's CORS settings can ask for it. Casetrail's
 * security rules match paths by pattern ({@link SecurityConfiguration#requestMatcherBuilder()}) and it configures no
 * CORS, so nothing reads that lookup (6.7% of the service's CPU samples in a profile under the benchmark's command
 * load).
 *
 * <p>Spring Security puts the chain as built inside composites of filters (the handler lookup; a filter that parses
 * the request's path once for the path patterns): this finds, at any depth, the composite of exactly the handler
 * lookup and one filter, and puts that filter in its place. Anything else is left as it is (another Spring Security
 * version that arranges it otherwise), and said in the log.
 */
final class SecurityWithoutHandlerLookup implements BeanFactoryPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(SecurityWithoutHandlerLookup.class);
    static final String CHAIN = "springSecurityFilterChain";
    private static final String COMPOSITE = "$CompositeFilterChainProxy";
    private static final String LOOKUP = "$HandlerMappingIntrospectorCacheFilterFactoryBean";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        if (!(factory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(CHAIN)) {
            return;
        }
        BeanDefinition chain = registry.getBeanDefinition(CHAIN);
        BeanDefinition without = withoutLookup(chain);
        if (without == null) {
            if (registry.containsBeanDefinition("mvcHandlerMappingIntrospector")) {
                log.warn("Spring Security's filter chain is arranged in a way not known here: left as it is, with "
                         + "any MVC handler lookup it does for every request");
            }
        } else if (without != chain) {
            registry.removeBeanDefinition(CHAIN);
            registry.registerBeanDefinition(CHAIN, without);
        }
    }

    /**
     * This definition with the handler lookup's composite replaced by the filter it wraps: the filter itself if the
     * definition is that composite, the definition changed in place if the composite is inside it; null if there is
     * none.
     */
    private static BeanDefinition withoutLookup(BeanDefinition definition) {
        List<Object> filters = compositeFilters(definition);
        if (filters == null) {
            return null;
        }
        if (filters.size() == 2 && filters.get(0) instanceof BeanDefinition lookup && named(lookup, LOOKUP)
                && filters.get(1) instanceof BeanDefinition wrapped) {
            return wrapped;
        }
        for (int i = 0; i < filters.size(); i++) {
            if (filters.get(i) instanceof BeanDefinition inner) {
                BeanDefinition without = withoutLookup(inner);
                if (without != null) {
                    filters.set(i, without);
                    return definition;
                }
            }
        }
        return null;
    }

    /** The filters of one of Spring Security's composite chains, or null if this is not one. */
    @SuppressWarnings("unchecked")
    private static List<Object> compositeFilters(BeanDefinition definition) {
        if (!named(definition, COMPOSITE)) {
            return null;
        }
        ConstructorArgumentValues arguments = definition.getConstructorArgumentValues();
        ConstructorArgumentValues.ValueHolder argument = arguments.getIndexedArgumentValue(0, null);
        if (arguments.getArgumentCount() != 1 || argument == null || !(argument.getValue() instanceof List<?> filters)) {
            return null;
        }
        return (List<Object>) filters;
    }

    private static boolean named(BeanDefinition definition, String suffix) {
        String type = definition.getBeanClassName();
        return type != null && type.endsWith(suffix);
    }
}
