package io.h2mq.ra.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link OutboundXaTests} in GlassFish: the application; the rar and its resources are there from boot. */
class OutboundXaIT extends OutboundXaTests {
    @Deployment(name = "app")
    static WebArchive app() {
        return TestApplications.outbound().addClasses(OutboundXaTests.class, OutboundXaIT.class);
    }
}
