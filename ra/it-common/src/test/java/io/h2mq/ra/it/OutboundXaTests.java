package io.h2mq.ra.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.UUID;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import io.h2mq.ra.it.app.Destinations;
import io.h2mq.ra.it.app.InjectedContextSender;
import io.h2mq.ra.it.app.Receiver;
import io.h2mq.ra.it.app.Sender;

import jakarta.ejb.EJB;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbound half of the adapter in a server, with no message-driven bean deployed: what the server's
 * configuration binds is in JNDI, and a send from a container-managed transaction exists exactly when that
 * transaction commits. Each server's module runs these through a subclass that declares its deployments.
 */
@ExtendWith(ArquillianExtension.class)
abstract class OutboundXaTests {
    @EJB
    private Sender sender;
    @EJB
    private Receiver receiver;
    @EJB
    private InjectedContextSender injected;

    @Test
    @OperateOnDeployment("app")
    void connectionFactoryAndDestinationsFromIronjacamarXmlAreInJndi() throws NamingException, JMSException {
        assertInstanceOf(ConnectionFactory.class, lookup(Destinations.CONNECTION_FACTORY));
        assertEquals("Orders", ((Queue) lookup(Destinations.ORDERS)).getQueueName());
        assertEquals("DLQ", ((Queue) lookup(Destinations.DLQ)).getQueueName());
        assertEquals("Prices", ((Topic) lookup(Destinations.PRICES)).getTopicName());
    }

    @Test
    @OperateOnDeployment("app")
    void messageSentInACommittedTransactionIsReceivedOnce() throws NamingException {
        String run = UUID.randomUUID().toString();
        Queue scratch = (Queue) lookup(Destinations.SCRATCH);

        sender.send(scratch, "committed-" + run, Map.of("run", run));

        assertEquals("committed-" + run, receiver.receive(scratch, selector(run), 30_000));
        assertNull(receiver.receiveNoWait(scratch, selector(run)), "received a second time");
    }

    /** The rolled-back message would come before the marker sent after it; only the marker comes. */
    @Test
    @OperateOnDeployment("app")
    void sendInATransactionMarkedRollbackOnlySendsNothing() throws NamingException {
        String run = UUID.randomUUID().toString();
        Queue scratch = (Queue) lookup(Destinations.SCRATCH);

        sender.sendThenRollBack(scratch, "rolled-back-" + run, Map.of("run", run));
        sender.send(scratch, "marker-" + run, Map.of("run", run));

        assertEquals("marker-" + run, receiver.receive(scratch, selector(run), 30_000));
        assertNull(receiver.receiveNoWait(scratch, selector(run)));
    }

    @Test
    @OperateOnDeployment("app")
    void injectedJmsContextSendsInTheCallersTransaction() throws NamingException {
        String run = UUID.randomUUID().toString();
        Queue scratch = (Queue) lookup(Destinations.SCRATCH);

        injected.sendThenRollBack(scratch, "rolled-back-" + run, run);
        injected.send(scratch, "committed-" + run, run);

        assertEquals("committed-" + run, receiver.receive(scratch, selector(run), 30_000));
        assertNull(receiver.receiveNoWait(scratch, selector(run)), "the rolled-back send exists");
    }

    private static String selector(String run) {
        return "run = '" + run + "'";
    }

    private static Object lookup(String name) throws NamingException {
        return InitialContext.doLookup(name);
    }
}
