package io.h2mq.ra.it;

import java.util.List;

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
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The test applications every server deploys, as classes only: each server's {@code Deployments} adds the
 * descriptor that binds the message-driven beans to the adapter. The test classes are added by each {@code *IT},
 * and Arquillian runs them inside the application.
 */
public final class TestApplications {
    public static final String APP = "h2mq-it-app.war";
    public static final String DURABLE_LISTENER = "h2mq-it-durable-listener.jar";
    /** The message-driven beans of {@link #withBeans()}, by EJB name. */
    public static final List<String> APP_BEANS = List.of(OrdersListener.class.getSimpleName(),
            PricesListener.class.getSimpleName(), PoisonListener.class.getSimpleName());
    /** The message-driven bean of {@link #durableListener()}, by EJB name. */
    public static final String DURABLE_LISTENER_BEAN = ForwardingListener.class.getSimpleName();

    private TestApplications() {
    }

    /** The sending and receiving EJBs only: outbound use of the adapter, no activation. */
    public static WebArchive outbound() {
        return ShrinkWrap.create(WebArchive.class, APP)
                .addClasses(Destinations.class, Sender.class, Receiver.class, InjectedContextSender.class,
                        Deployments.class, Await.class);
    }

    /**
     * The outbound EJBs, the collector, and the message-driven beans on Orders (maxSession 5), Prices (durable) and
     * Poison (throws for marked messages).
     */
    public static WebArchive withBeans() {
        return outbound().addClasses(Collector.class, OrdersListener.class, PricesListener.class,
                PoisonListener.class, Deliveries.class);
    }

    /** The durable subscriber the redeployment test deploys and undeploys: it forwards each message to Received. */
    public static JavaArchive durableListener() {
        return ShrinkWrap.create(JavaArchive.class, DURABLE_LISTENER)
                .addClasses(Destinations.class, ForwardingListener.class);
    }
}
