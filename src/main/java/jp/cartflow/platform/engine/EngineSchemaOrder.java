package jp.cartflow.platform.engine;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Our Flyway migrations must run before the engine creates its ACT_* tables: otherwise Flyway finds a
 * non-empty schema without a history table and refuses to migrate (see STACK.md).
 */
@Configuration(proxyBeanMethods = false)
class EngineSchemaOrder {

    static final String ENGINE_BEAN = "processEngineFactoryBean";
    static final String FLYWAY_BEAN = "flywayInitializer";

    @Bean
    static BeanFactoryPostProcessor engineAfterFlyway() {
        return EngineSchemaOrder::makeEngineDependOnFlyway;
    }

    private static void makeEngineDependOnFlyway(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBeanDefinition(ENGINE_BEAN) || !beanFactory.containsBeanDefinition(FLYWAY_BEAN)) {
            return;
        }
        BeanDefinition engine = beanFactory.getBeanDefinition(ENGINE_BEAN);
        List<String> dependsOn = new ArrayList<>();
        if (engine.getDependsOn() != null) {
            dependsOn.addAll(Arrays.asList(engine.getDependsOn()));
        }
        dependsOn.add(FLYWAY_BEAN);
        engine.setDependsOn(dependsOn.toArray(String[]::new));
    }
}
