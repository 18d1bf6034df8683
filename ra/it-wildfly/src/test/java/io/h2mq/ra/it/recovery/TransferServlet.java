package io.h2mq.ra.it.recovery;

import java.io.IOException;

import io.h2mq.ra.it.app.Destinations;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;

/**
 * The crash-recovery test's application, driven over HTTP because the server it runs in dies mid-request.
 * <ul>
 * <li>{@code POST /transfer?op=seed&body=B} sends B to TransferIn, outside any transaction.</li>
 * <li>{@code POST /transfer?op=move&haltIn=COMMIT|PREPARE} moves one message from TransferIn to TransferOut in one
 * JTA transaction, with a {@link HaltingXAResource} enlisted so that the server halts in that phase.</li>
 * <li>{@code GET /transfer?op=receive&from=in|out&timeout=ms} receives one message outside any transaction and answers
 * {@code <body> redelivered=<flag> deliveryCount=<n>}, or 204 (no content) when none came.</li>
 * </ul>
 */
@WebServlet("/transfer")
public class TransferServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Resource(lookup = Destinations.CONNECTION_FACTORY)
    private ConnectionFactory factory;

    @Resource(lookup = Destinations.TRANSFER_IN)
    private Queue in;

    @Resource(lookup = Destinations.TRANSFER_OUT)
    private Queue out;

    @Resource
    private UserTransaction transaction;

    @Resource(lookup = "java:jboss/TransactionManager")
    private TransactionManager transactionManager;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String op = request.getParameter("op");
        try {
            if ("seed".equals(op)) {
                try (JMSContext context = factory.createContext()) {
                    context.createProducer().send(in, request.getParameter("body"));
                }
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else if ("move".equals(op)) {
                move(HaltingXAResource.Phase.valueOf(request.getParameter("haltIn")));
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                        "the transfer committed: the server did not halt");
            } else {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "unknown op " + op);
            }
        } catch (Exception e) {
            throw new IOException(op + " failed: " + e, e);
        }
    }

    private void move(HaltingXAResource.Phase haltIn) throws Exception {
        transaction.begin();
        // Commit visits the participants in the order they joined; the halting one goes first to halt in commit
        // while the h2mq branch is still prepared, and last to halt in prepare after the h2mq branch has prepared.
        if (haltIn == HaltingXAResource.Phase.COMMIT) {
            transactionManager.getTransaction().enlistResource(new HaltingXAResource(haltIn));
        }
        try (JMSContext context = factory.createContext();
                JMSConsumer consumer = context.createConsumer(in)) {
            String body = consumer.receiveBody(String.class, 10_000);
            if (body == null) {
                throw new IllegalStateException("no message on " + in + " to transfer");
            }
            context.createProducer().send(out, body);
        }
        if (haltIn == HaltingXAResource.Phase.PREPARE) {
            transactionManager.getTransaction().enlistResource(new HaltingXAResource(haltIn));
        }
        transaction.commit();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Queue from = "out".equals(request.getParameter("from")) ? out : in;
        long timeout = Long.parseLong(request.getParameter("timeout"));
        try (JMSContext context = factory.createContext();
                JMSConsumer consumer = context.createConsumer(from)) {
            Message message = consumer.receive(timeout);
            if (message == null) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return;
            }
            response.setContentType("text/plain");
            response.getWriter().print(message.getBody(String.class) + " redelivered=" + message.getJMSRedelivered()
                    + " deliveryCount=" + message.getIntProperty("JMSXDeliveryCount"));
        } catch (JMSException e) {
            throw new IOException("receive from " + from + " failed: " + e, e);
        }
    }
}
