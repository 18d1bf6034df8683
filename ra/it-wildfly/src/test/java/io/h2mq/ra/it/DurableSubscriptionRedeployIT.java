package io.h2mq.ra.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link DurableSubscriptionRedeployTests} in WildFly; the test deploys and undeploys the listener itself. */
@ServerSetup(ArtemisDlqUnbound.class)
class DurableSubscriptionRedeployIT extends DurableSubscriptionRedeployTests {
    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        return Deployments.rar();
    }

    @Deployment(name = "app", order = 2)
    static WebArchive app() {
        return TestApplications.outbound()
                .addClasses(DurableSubscriptionRedeployTests.class, DurableSubscriptionRedeployIT.class);
    }

    @Deployment(name = LISTENER, managed = false, testable = false)
    static JavaArchive durableListener() {
        return Deployments.durableListener();
    }
}
