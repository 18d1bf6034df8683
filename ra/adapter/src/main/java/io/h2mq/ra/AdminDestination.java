package io.h2mq.ra;

import java.io.Serializable;
import java.util.Objects;

import javax.naming.NamingException;
import javax.naming.Reference;

import jakarta.jms.InvalidDestinationException;
import jakarta.resource.Referenceable;

/**
 * A queue or topic an application server binds in JNDI from the adapter's administered-object definition: a
 * JavaBean whose {@code name} is the physical name in the store. The provider accepts it like its own destinations
 * (by name), so applications pass it to any h2mq session.
 */
public abstract class AdminDestination implements Serializable, Referenceable {
    private static final long serialVersionUID = 1L;

    private String name;
    private transient Reference reference;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** The physical name, refusing one the server never set. */
    protected String physicalName() throws InvalidDestinationException {
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException(getClass().getSimpleName() + " has no name: set its 'name' property "
                    + "in the administered-object definition");
        }
        return name;
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() throws NamingException {
        return reference;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Objects.equals(((AdminDestination) o).name, name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }
}
