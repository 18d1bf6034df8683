package io.h2mq.ra.it;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import io.h2mq.ra.it.app.Destinations;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives the tests deploy, built on the client side (Arquillian calls the {@code @Deployment} methods there):
 * the rar Maven built, with an {@code ironjacamar.xml} that points the adapter at an H2 file under {@code target/}
 * and binds the connection factory and the destinations; the test application; and the durable-subscriber
 * application the redeployment test deploys and undeploys itself.
 *
 * <p>The paths come from system properties failsafe sets ({@code ra/it-wildfly/pom.xml}); outside that build they are
 * missing and this class says which.
 */
public final class Deployments {
    /** The runtime name of the rar deployment, which is also the adapter name MDBs bind to in jboss-ejb3.xml. */
    public static final String RAR = "h2mq-ra.rar";

    /** The adapter's h2mq options: three delivery attempts, then the message moves to the queue DLQ. */
    static final String ADAPTER_OPTIONS = "maxDeliveryAttempts=3;deadLetterQueue=DLQ";

    /** The user the transaction manager's recovery connects as. */
    static final String RECOVERY_USER = "recovery";
    static final String RECOVERY_PASSWORD = "recovery";

    private Deployments() {
    }

    public static ResourceAdapterArchive rar() {
        return rar(storeUrl(), List.of(
                new AdminObject("AdminQueue", Destinations.ORDERS, "Orders"),
                new AdminObject("AdminQueue", Destinations.POISON, "Poison"),
                new AdminObject("AdminQueue", Destinations.DLQ, "DLQ"),
                new AdminObject("AdminQueue", Destinations.SCRATCH, "Scratch"),
                new AdminObject("AdminQueue", Destinations.RECEIVED, "Received"),
                new AdminObject("AdminTopic", Destinations.PRICES, "Prices")));
    }

    /**
     * The rar for the crash-recovery test: its own H2 file, and only the connection factory and the two queues of the
     * transfer, so it needs none of standalone-full.xml's messaging.
     */
    public static ResourceAdapterArchive recoveryRar() {
        return rar(recoveryStoreUrl(), List.of(
                new AdminObject("AdminQueue", Destinations.TRANSFER_IN, "TransferIn"),
                new AdminObject("AdminQueue", Destinations.TRANSFER_OUT, "TransferOut")));
    }

    private static ResourceAdapterArchive rar(String storeUrl, List<AdminObject> adminObjects) {
        File built = new File(required("h2mq.it.rar"));
        if (!built.isFile()) {
            throw new IllegalStateException("the rar to deploy is missing: " + built
                    + " (the maven-dependency-plugin copy-rar execution puts it there)");
        }
        return ShrinkWrap.create(ZipImporter.class, RAR).importFrom(built).as(ResourceAdapterArchive.class)
                .addAsManifestResource(new StringAsset(ironjacamarXml(storeUrl, adminObjects)), "ironjacamar.xml");
    }

    /** The store: an H2 file that the build empties before every run; no other process opens it. */
    static String storeUrl() {
        return "jdbc:h2:file:" + Path.of(required("h2mq.it.store"), "h2mq").toAbsolutePath();
    }

    /**
     * The crash-recovery test's store: an H2 file that the build empties before every run. The test opens it itself
     * while the server is down, to see the branch the crash left prepared.
     */
    public static String recoveryStoreUrl() {
        return "jdbc:h2:file:" + Path.of(required("h2mq.it.recoveryStore"), "h2mq").toAbsolutePath();
    }

    /** The port WildFly's HTTP listener has with the build's port offset. */
    public static int httpPort() {
        return 8080 + Integer.parseInt(required("h2mq.it.portOffset"));
    }

    /** A queue or topic JavaBean of the adapter, bound at {@code jndiName}, naming the h2mq destination {@code name}. */
    record AdminObject(String className, String jndiName, String name) {
    }

    /**
     * The adapter's configuration for WildFly. The {@code recover-credential} is what makes IronJacamar register the
     * pool with the transaction manager's recovery (without it WildFly logs IJ020016 and never asks the store for
     * prepared branches); the store accepts any user unless its {@code users} option is set.
     */
    static String ironjacamarXml(String url, List<AdminObject> adminObjects) {
        StringBuilder xml = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ironjacamar>\n")
                .append("  <config-property name=\"url\">").append(escape(url)).append("</config-property>\n")
                .append("  <config-property name=\"options\">").append(ADAPTER_OPTIONS).append("</config-property>\n")
                .append("  <transaction-support>XATransaction</transaction-support>\n")
                .append("  <connection-definitions>\n")
                .append("    <connection-definition class-name=\"io.h2mq.ra.outbound.H2mqManagedConnectionFactory\"")
                .append(" jndi-name=\"").append(Destinations.CONNECTION_FACTORY).append("\" pool-name=\"h2mq\">\n")
                .append("      <xa-pool><min-pool-size>0</min-pool-size><max-pool-size>20</max-pool-size></xa-pool>\n")
                .append("      <recovery><recover-credential><user-name>").append(RECOVERY_USER)
                .append("</user-name><password>").append(RECOVERY_PASSWORD)
                .append("</password></recover-credential></recovery>\n")
                .append("    </connection-definition>\n")
                .append("  </connection-definitions>\n")
                .append("  <admin-objects>\n");
        for (AdminObject object : adminObjects) {
            xml.append("    <admin-object class-name=\"io.h2mq.ra.").append(object.className()).append("\" jndi-name=\"")
                    .append(object.jndiName()).append("\" pool-name=\"").append(object.name()).append("\">\n")
                    .append("      <config-property name=\"name\">").append(object.name())
                    .append("</config-property>\n")
                    .append("    </admin-object>\n");
        }
        return xml.append("  </admin-objects>\n</ironjacamar>\n").toString();
    }

    /** The test application with its message-driven beans bound to the adapter by jboss-ejb3.xml. */
    public static WebArchive app() {
        return TestApplications.withBeans().addAsWebInfResource(
                new StringAsset(jbossEjb3Xml(TestApplications.APP_BEANS)), "jboss-ejb3.xml");
    }

    /** The durable subscriber, bound to the adapter by jboss-ejb3.xml. */
    public static JavaArchive durableListener() {
        return TestApplications.durableListener().addAsManifestResource(
                new StringAsset(jbossEjb3Xml(List.of(TestApplications.DURABLE_LISTENER_BEAN))), "jboss-ejb3.xml");
    }

    /** Binds each named MDB to the h2mq adapter instead of the server's default (ActiveMQ Artemis). */
    static String jbossEjb3Xml(List<String> mdbNames) {
        StringBuilder xml = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<jboss:ejb-jar xmlns:jboss=\"urn:jboss:jakartaee:1.0\"")
                .append(" xmlns=\"https://jakarta.ee/xml/ns/jakartaee\"")
                .append(" xmlns:mdb=\"urn:resource-adapter-binding:2.0\" version=\"4.0\">\n")
                .append("  <assembly-descriptor>\n");
        for (String name : mdbNames) {
            xml.append("    <mdb:resource-adapter-binding>\n")
                    .append("      <ejb-name>").append(name).append("</ejb-name>\n")
                    .append("      <mdb:resource-adapter-name>").append(RAR).append("</mdb:resource-adapter-name>\n")
                    .append("    </mdb:resource-adapter-binding>\n");
        }
        return xml.append("  </assembly-descriptor>\n</jboss:ejb-jar>\n").toString();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run the tests with "
                    + "./mvnw verify -pl ra/it-wildfly, whose failsafe configuration sets it");
        }
        return value;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
