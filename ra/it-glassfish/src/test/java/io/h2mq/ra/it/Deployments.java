package io.h2mq.ra.it;

import java.util.List;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives the tests deploy into GlassFish, built on the client side (Arquillian calls the {@code @Deployment}
 * methods there). The rar is not among them: the server deploys it, and adds its resources, as it boots
 * (arquillian.xml), because GlassFish creates a connection pool or an administered object only for a resource adapter
 * already deployed. What the applications carry of GlassFish is {@code glassfish-ejb-jar.xml}, which binds each
 * message-driven bean to the adapter instead of the server's own JMS.
 */
public final class Deployments {
    /** The name the rar is deployed under (arquillian.xml), which MDBs bind to. */
    public static final String RESOURCE_ADAPTER = "h2mq-ra";

    private Deployments() {
    }

    /** The test application with its message-driven beans bound to the adapter by glassfish-ejb-jar.xml. */
    public static WebArchive app() {
        return TestApplications.withBeans().addAsWebInfResource(
                new StringAsset(glassfishEjbJarXml(TestApplications.APP_BEANS)), "glassfish-ejb-jar.xml");
    }

    /** The durable subscriber, bound to the adapter by glassfish-ejb-jar.xml. */
    public static JavaArchive durableListener() {
        return TestApplications.durableListener().addAsManifestResource(
                new StringAsset(glassfishEjbJarXml(List.of(TestApplications.DURABLE_LISTENER_BEAN))),
                "glassfish-ejb-jar.xml");
    }

    /** Binds each named MDB to the h2mq adapter; its activation properties stay in its annotations. */
    static String glassfishEjbJarXml(List<String> mdbNames) {
        StringBuilder xml = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!DOCTYPE glassfish-ejb-jar PUBLIC \"-//GlassFish.org//DTD GlassFish Application Server")
                .append(" 3.1 EJB 3.1//EN\" \"http://glassfish.org/dtds/glassfish-ejb-jar_3_1-1.dtd\">\n")
                .append("<glassfish-ejb-jar>\n  <enterprise-beans>\n");
        for (String name : mdbNames) {
            xml.append("    <ejb>\n")
                    .append("      <ejb-name>").append(name).append("</ejb-name>\n")
                    .append("      <mdb-resource-adapter>\n")
                    .append("        <resource-adapter-mid>").append(RESOURCE_ADAPTER).append("</resource-adapter-mid>\n")
                    .append("      </mdb-resource-adapter>\n")
                    .append("    </ejb>\n");
        }
        return xml.append("  </enterprise-beans>\n</glassfish-ejb-jar>\n").toString();
    }
}
