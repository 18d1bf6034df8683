package io.h2mq.ra.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link OutboundXaTests} in WildFly: the rar with its ironjacamar.xml, then the application. */
@ServerSetup(ArtemisDlqUnbound.class)
class OutboundXaIT extends OutboundXaTests {
    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        return Deployments.rar();
    }

    @Deployment(name = "app", order = 2)
    static WebArchive app() {
        return TestApplications.outbound().addClasses(OutboundXaTests.class, OutboundXaIT.class);
    }
}
