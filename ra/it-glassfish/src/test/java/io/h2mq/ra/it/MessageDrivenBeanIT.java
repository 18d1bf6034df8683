package io.h2mq.ra.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link MessageDrivenBeanTests} in GlassFish: the application with its beans, bound by glassfish-ejb-jar.xml. */
class MessageDrivenBeanIT extends MessageDrivenBeanTests {
    @Deployment(name = "app")
    static WebArchive app() {
        return Deployments.app().addClasses(MessageDrivenBeanTests.class, MessageDrivenBeanIT.class);
    }
}
