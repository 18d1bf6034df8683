package io.h2mq.ra.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link DurableSubscriptionRedeployTests} in GlassFish; the test deploys and undeploys the listener itself. */
class DurableSubscriptionRedeployIT extends DurableSubscriptionRedeployTests {
    @Deployment(name = "app")
    static WebArchive app() {
        return TestApplications.outbound()
                .addClasses(DurableSubscriptionRedeployTests.class, DurableSubscriptionRedeployIT.class);
    }

    @Deployment(name = LISTENER, managed = false, testable = false)
    static JavaArchive durableListener() {
        return Deployments.durableListener();
    }
}
