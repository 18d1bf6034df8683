package io.h2mq.ra.it;

import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;

/**
 * Frees {@code java:/jms/queue/DLQ} for h2mq. standalone-full.xml binds that name to the DLQ of its embedded ActiveMQ
 * Artemis, so the rar's admin object could not be bound there; this removes Artemis's JMS queue before the test
 * class deploys, and puts it back, with the same JNDI entries, after the class has undeployed.
 */
public class ArtemisDlqUnbound implements ServerSetupTask {
    private static final String[] ADDRESS = {"subsystem", "messaging-activemq", "server", "default", "jms-queue", "DLQ"};

    private ModelNode entries;

    @Override
    public void setup(ManagementClient client, String containerId) throws Exception {
        ModelNode read = operation("read-attribute");
        read.get("name").set("entries");
        entries = executeOperation(client, read);
        executeOperation(client, operation("remove"));
    }

    @Override
    public void tearDown(ManagementClient client, String containerId) throws Exception {
        ModelNode add = operation("add");
        add.get("entries").set(entries);
        executeOperation(client, add);
    }

    private static ModelNode operation(String name) {
        ModelNode operation = new ModelNode();
        operation.get("operation").set(name);
        ModelNode address = operation.get("address");
        for (int i = 0; i < ADDRESS.length; i += 2) {
            address.add(ADDRESS[i], ADDRESS[i + 1]);
        }
        return operation;
    }
}
