package io.h2mq.ra.it;

import io.h2mq.ra.it.app.Collector;
import io.h2mq.ra.it.app.Deliveries;
import io.h2mq.ra.it.app.Destinations;
import io.h2mq.ra.it.app.InjectedContextSender;
import io.h2mq.ra.it.app.OrdersListener;
import io.h2mq.ra.it.app.PoisonListener;
import io.h2mq.ra.it.app.PricesListener;
import io.h2mq.ra.it.app.Receiver;
import io.h2mq.ra.it.app.Sender;
import io.h2mq.ra.it.redeploy.ForwardingListener;

import org.jboss.shrinkwrap.api.ShrinkWrap;
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
    public static final String APP = "h2mq-it-app.war";
    public static final String DURABLE_LISTENER = "h2mq-it-durable-listener.jar";

    private Deployments() {
    }

    /** An application with only the sending and receiving EJBs: outbound use of the adapter, no activation. */
    public static WebArchive outboundApp() {
        return ShrinkWrap.create(WebArchive.class, APP)
                .addClasses(Destinations.class, Sender.class, Receiver.class, InjectedContextSender.class,
                        Deployments.class, Await.class);
    }

    /**
     * The test application: the sending and receiving EJBs, the collector, and the message-driven beans on Orders
     * (maxSession 5), Prices (durable) and Poison (throws for marked messages). The test classes are added by
     * Arquillian, which runs them inside it.
     */
    public static WebArchive app() {
        return ShrinkWrap.create(WebArchive.class, APP)
                .addClasses(Destinations.class, Sender.class, Receiver.class, Collector.class,
                        OrdersListener.class, PricesListener.class, PoisonListener.class, Deliveries.class,
                        Deployments.class, Await.class)
                .addAsWebInfResource(new StringAsset(glassfishEjbJarXml(
                        OrdersListener.class.getSimpleName(),
                        PricesListener.class.getSimpleName(),
                        PoisonListener.class.getSimpleName())), "glassfish-ejb-jar.xml");
    }

    /** The durable subscriber the redeployment test deploys and undeploys: it forwards each message to Received. */
    public static JavaArchive durableListener() {
        return ShrinkWrap.create(JavaArchive.class, DURABLE_LISTENER)
                .addClasses(Destinations.class, ForwardingListener.class)
                .addAsManifestResource(new StringAsset(glassfishEjbJarXml(
                        ForwardingListener.class.getSimpleName())), "glassfish-ejb-jar.xml");
    }

    /** Binds each named MDB to the h2mq adapter; its activation properties stay in its annotations. */
    static String glassfishEjbJarXml(String... mdbNames) {
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
