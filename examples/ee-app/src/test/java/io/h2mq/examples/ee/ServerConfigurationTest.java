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
    /** The name the rar is deployed under (asadmin deploy --name) on Payara. */
    private static final String PAYARA_ADAPTER = "h2mq-ra";
    /** The id of the resourceAdapter element on Open Liberty, which also names its properties elements. */
    private static final String LIBERTY_ADAPTER = "h2mq-ra";

    @Test
    void wildflyDescriptorBindsTheBeanToTheRarAndMapsTheNamesToJavaSlash() throws IOException {
        Xml ejb3 = Xml.read(WEB_INF + "jboss-ejb3.xml");

        assertEquals(List.of(OrdersListener.NAME), ejb3.texts("resource-adapter-binding", "ejb-name"));
        assertEquals(List.of("h2mq-ra.rar"), ejb3.texts("resource-adapter-binding", "resource-adapter-name"));
        assertEquals(List.of(Names.CONNECTION_FACTORY), ejb3.texts("resource-ref", "res-ref-name"));
        assertEquals(List.of("java:/" + Names.CONNECTION_FACTORY), ejb3.texts("resource-ref", "lookup-name"));
        assertEquals(List.of(Names.ORDERS), ejb3.texts("resource-env-ref", "resource-env-ref-name"));
        assertEquals(List.of("java:/" + Names.ORDERS), ejb3.texts("resource-env-ref", "lookup-name"));
    }

    @Test
    void wildflyIronjacamarBindsWhatTheDescriptorLooksUp() throws IOException {
        Xml ironjacamar = Xml.read(SERVER_CONFIG + "wildfly/ironjacamar.xml");

        assertEquals(List.of("java:/" + Names.CONNECTION_FACTORY),
                ironjacamar.attributes("connection-definition", "jndi-name"));
        assertEquals(List.of("java:/" + Names.ORDERS), ironjacamar.attributes("admin-object", "jndi-name"));
        assertEquals(List.of("url", "name"), ironjacamar.attributes("config-property", "name"));
    }

    @Test
    void payaraDescriptorBindsTheBeanToTheAdapter() throws IOException {
        Xml glassfish = Xml.read(WEB_INF + "glassfish-ejb-jar.xml");

        assertEquals(List.of(OrdersListener.NAME), glassfish.texts("ejb", "ejb-name"));
        assertEquals(List.of(PAYARA_ADAPTER), glassfish.texts("mdb-resource-adapter", "resource-adapter-mid"));
    }

    @Test
    void payaraResourcesBindTheCodesNamesOnTheAdapter() throws IOException {
        Xml resources = Xml.read(SERVER_CONFIG + "payara/glassfish-resources.xml");

        assertEquals(List.of(PAYARA_ADAPTER),
                resources.attributes("resource-adapter-config", "resource-adapter-name"));
        assertEquals(List.of(PAYARA_ADAPTER),
                resources.attributes("connector-connection-pool", "resource-adapter-name"));
        assertEquals(List.of("jakarta.jms.ConnectionFactory"),
                resources.attributes("connector-connection-pool", "connection-definition-name"));
        assertEquals(resources.attributes("connector-connection-pool", "name"),
                resources.attributes("connector-resource", "pool-name"));
        assertEquals(List.of(Names.CONNECTION_FACTORY), resources.attributes("connector-resource", "jndi-name"));
        assertEquals(List.of(Names.ORDERS), resources.attributes("admin-object-resource", "jndi-name"));
        assertEquals(List.of(PAYARA_ADAPTER), resources.attributes("admin-object-resource", "res-adapter"));
        assertEquals(List.of("io.h2mq.ra.AdminQueue"), resources.attributes("admin-object-resource", "class-name"));
    }

    @Test
    void openLibertyServerBindsTheCodesNamesAndActivatesTheBean() throws IOException {
        Xml server = Xml.read(SERVER_CONFIG + "openliberty/server.xml");

        assertEquals(List.of(LIBERTY_ADAPTER), server.attributes("resourceAdapter", "id"));
        assertEquals(List.of(Names.CONNECTION_FACTORY), server.attributes("jmsConnectionFactory", "jndiName"));
        assertEquals(List.of(Names.ORDERS), server.attributes("jmsQueue", "jndiName"));
        assertEquals(List.of("Orders"), server.attributes("jmsQueue", "id"));
        // A standalone war's bean is "<application>/<bean>"; the application is named after the war.
        assertEquals(List.of("h2mq-example-ee/" + OrdersListener.NAME), server.attributes("jmsActivationSpec", "id"));
        // Each of them says, by its properties element, that the h2mq adapter provides it.
        assertEquals(4, server.all("properties." + LIBERTY_ADAPTER).size());
    }
}
