package io.h2mq.ra;

import jakarta.jms.Queue;
import jakarta.jms.JMSException;
import jakarta.resource.spi.AdministeredObject;
import jakarta.resource.spi.ConfigProperty;

/** A queue bound in JNDI by the application server; {@code name} is the queue's physical name. */
@AdministeredObject(adminObjectInterfaces = Queue.class)
public class AdminQueue extends AdminDestination implements Queue {
    private static final long serialVersionUID = 1L;

    @Override
    @ConfigProperty(description = "Physical name of the queue in the store")
    public void setName(String name) {
        super.setName(name);
    }

    @Override
    public String getQueueName() throws JMSException {
        return physicalName();
    }

    @Override
    public String toString() {
        return "AdminQueue[" + getName() + "]";
    }
}
