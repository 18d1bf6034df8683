package io.h2mq.client;

import io.h2mq.engine.Broker;
import io.h2mq.engine.Delivery;
import io.h2mq.engine.JmsErrors;
import io.h2mq.engine.XaBranch;
import io.h2mq.store.NewMessage;

import jakarta.jms.JMSException;
import jakarta.jms.TransactionInProgressException;

/**
 * The mode of an XA session. While a global-transaction branch is associated with the session, sends and consumed
 * messages become the branch's work and take effect only when the transaction manager commits it; with no branch,
 * the session acknowledges automatically, as the Jakarta EE rules for a session outside a transaction say. Local
 * commit and rollback are refused: the transaction manager decides.
 */
final class XaSessionMode extends SessionMode {
    private XaBranch branch;

    XaSessionMode(Broker broker) {
        super(broker);
    }

    XaBranch branch() {
        return branch;
    }

    void associate(XaBranch branch) {
        this.branch = branch;
    }

    @Override
    void send(NewMessage message, boolean persistent) throws JMSException {
        if (branch != null) {
            branch.send(message);
        } else {
            super.send(message, persistent);
        }
    }

    @Override
    void afterReceive(Delivery delivery) throws JMSException {
        consumed(delivery);
    }

    @Override
    void afterListener(Delivery delivery, boolean threw) throws JMSException {
        if (branch == null && threw) {
            redeliverOne(delivery);
        } else {
            consumed(delivery);
        }
    }

    @Override
    void bodyRefused(Delivery delivery) throws JMSException {
        if (branch == null) {
            redeliverOne(delivery);
        }
    }

    private void consumed(Delivery delivery) throws JMSException {
        if (branch == null) {
            acknowledgeOne(delivery);
        } else if (unacknowledged.remove(delivery)) {
            branch.consumed(delivery);
        }
    }

    @Override
    void recover() throws JMSException {
        if (branch != null) {
            throw JmsErrors.illegalState("recover() is not allowed while the XA session is in a global transaction");
        }
        super.recover();
    }

    @Override
    void commit() throws JMSException {
        throw new TransactionInProgressException("commit() is not allowed on an XA session: the transaction manager "
                + "commits the global transaction");
    }

    @Override
    void rollback() throws JMSException {
        throw new TransactionInProgressException("rollback() is not allowed on an XA session: the transaction "
                + "manager rolls back the global transaction");
    }
}
