package jp.cartflow.platform.engine;

import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Deploys bpmn/ and forms/ under classpath-relative names ({@code bpmn/X.bpmn}, {@code forms/y.form}).
 * <p>
 * The starter names a resource by its absolute file path when the app runs exploded (tests,
 * {@code mvn spring-boot:run}) and by its bare file name inside the jar; against one database the
 * switch deploys an unchanged diagram as a new version. The engine takes the name of a
 * {@link ContextResource} from {@link ContextResource#getPathWithinContext()}, so wrapping every
 * resource in one gives the same name everywhere, and duplicate filtering works across restarts.
 */
class StableNameDeploymentConfiguration extends DefaultDeploymentConfiguration {

    private static final String[] ROOTS = {"bpmn/", "forms/"};

    @Override
    public Set<Resource> getDeploymentResources() {
        Set<Resource> named = new LinkedHashSet<>();
        for (Resource resource : super.getDeploymentResources()) {
            named.add(new NamedResource(resource, classpathName(resource)));
        }
        return named;
    }

    static String classpathName(Resource resource) {
        String url;
        try {
            url = resource.getURL().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot locate deployment resource " + resource, e);
        }
        for (String root : ROOTS) {
            int at = url.lastIndexOf("/" + root);
            if (at >= 0) {
                return url.substring(at + 1);
            }
        }
        return resource.getFilename();
    }

    /** A resource whose deployment name is fixed. */
    static final class NamedResource extends AbstractResource implements ContextResource {
        private final Resource delegate;
        private final String name;

        NamedResource(Resource delegate, String name) {
            this.delegate = delegate;
            this.name = name;
        }

        @Override
        public String getPathWithinContext() {
            return name;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getDescription() {
            return "deployment resource [" + name + "]";
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return delegate.getInputStream();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NamedResource that && that.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }
}
