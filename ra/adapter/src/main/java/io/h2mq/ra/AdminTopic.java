package io.h2mq.ra;

import jakarta.jms.Topic;
import jakarta.jms.JMSException;
import jakarta.resource.spi.AdministeredObject;
import jakarta.resource.spi.ConfigProperty;

/** A topic bound in JNDI by the application server; {@code name} is the topic's physical name. */
@AdministeredObject(adminObjectInterfaces = Topic.class)
public class AdminTopic extends AdminDestination implements Topic {
    private static final long serialVersionUID = 1L;

    @Override
    @ConfigProperty(description = "Physical name of the topic in the store")
    public void setName(String name) {
        super.setName(name);
    }

    @Override
    public String getTopicName() throws JMSException {
        return physicalName();
    }

    @Override
    public String toString() {
        return "AdminTopic[" + getName() + "]";
    }
}
