package io.h2mq.examples.ee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The descriptors in the war and the server configuration files users copy name the same bean, JNDI names and
 * adapter as the code, so renaming one side without the other fails here instead of in a server.
 */
class ServerConfigurationTest {
    private static final String WEB_INF = "src/main/webapp/WEB-INF/";
    private static final String SERVER_CONFIG = "src/main/server-config/";

    @Test
    void wildflyDescriptorBindsTheBeanToTheRarAndMapsTheNamesToJavaSlash() throws IOException {
        Xml ejb3 = Xml.read(WEB_INF + "jboss-ejb3.xml");

        assertEquals(List.of(OrdersListener.NAME), ejb3.texts("resource-adapter-binding", "ejb-name"));
        assertEquals(List.of("h2mq-ra.rar"), ejb3.texts("resource-adapter-binding", "resource-adapter-name"));
        assertEquals(List.of(Names.CONNECTION_FACTORY), ejb3.texts("resource-ref", "res-ref-name"));
        assertEquals(List.of("java:/" + Names.CONNECTION_FACTORY), ejb3.texts("resource-ref", "lookup-name"));
        assertEquals(List.of(Names.ORDERS), ejb3.texts("resource-env-ref", "resource-env-ref-name"));
        assertEquals(List.of("java:/" + Names.ORDERS), ejb3.texts("resource-env-ref", "lookup-name"));
        assertEquals(List.of(OrdersListener.NAME), ejb3.texts("message-driven", "ejb-name"));
        assertEquals(List.of("destinationLookup"), ejb3.texts("activation-config-property-name"));
        assertEquals(List.of("java:/" + Names.ORDERS), ejb3.texts("activation-config-property-value"));
    }

    @Test
    void wildflyIronjacamarBindsWhatTheDescriptorLooksUp() throws IOException {
        Xml ironjacamar = Xml.read(SERVER_CONFIG + "wildfly/ironjacamar.xml");

        assertEquals(List.of("java:/" + Names.CONNECTION_FACTORY),
                ironjacamar.attributes("connection-definition", "jndi-name"));
        assertEquals(List.of("java:/" + Names.ORDERS), ironjacamar.attributes("admin-object", "jndi-name"));
        assertEquals(List.of("url", "name"), ironjacamar.attributes("config-property", "name"));
    }
}
