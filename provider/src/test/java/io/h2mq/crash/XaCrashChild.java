package io.h2mq.crash;

import java.nio.charset.StandardCharsets;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import io.h2mq.H2mqXAConnectionFactory;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;

/**
 * A child JVM that plays a transaction manager's resource up to prepare: in one branch it consumes from queue
 * {@code xa-in} and sends to {@code xa-out}, prepares, prints {@code prepared}, and then waits to be killed.
 *
 * <p>Arguments: store URL, messages to consume, messages to send, global transaction id.
 */
public final class XaCrashChild {
    private XaCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int consume = Integer.parseInt(args[1]);
        int send = Integer.parseInt(args[2]);
        Xid xid = new CrashXid(args[3]);
        XAConnection connection = new H2mqXAConnectionFactory(ChildFactory.options(url)).createXAConnection();
        connection.start();
        XASession xa = connection.createXASession();
        Session session = xa.getSession();
        Queue in = session.createQueue("xa-in");
        Queue out = session.createQueue("xa-out");
        XAResource resource = xa.getXAResource();
        resource.start(xid, XAResource.TMNOFLAGS);
        MessageConsumer consumer = session.createConsumer(in);
        for (int i = 0; i < consume; i++) {
            Message m = consumer.receive(10_000);
            System.out.println("consumed " + m.getIntProperty("n"));
        }
        MessageProducer producer = session.createProducer(out);
        for (int i = 0; i < send; i++) {
            Message m = session.createTextMessage("out-" + i);
            m.setIntProperty("n", i);
            producer.send(m);
        }
        resource.end(xid, XAResource.TMSUCCESS);
        System.out.println("prepare " + resource.prepare(xid));
        System.out.println("prepared");
        System.out.flush();
        // Hold everything open, as a crashed process would: only kill -9 ends this.
        Thread.sleep(Long.MAX_VALUE);
    }

    /** The branch id a transaction manager would log before prepare. */
    record CrashXid(String global) implements Xid {
        @Override
        public int getFormatId() {
            return 0x48324d51;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return global.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] getBranchQualifier() {
            return new byte[] {1};
        }
    }
}
