package io.h2mq.client;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.jms.ConnectionMetaData;

/** What this provider is and which optional JMSX properties it supports. */
final class MetaData implements ConnectionMetaData {
    static final MetaData INSTANCE = new MetaData();

    static final String PROVIDER_VERSION = versionOfThisJar();

    private MetaData() {
    }

    private static String versionOfThisJar() {
        String v = MetaData.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    @Override
    public String getJMSVersion() {
        return "3.1";
    }

    @Override
    public int getJMSMajorVersion() {
        return 3;
    }

    @Override
    public int getJMSMinorVersion() {
        return 1;
    }

    @Override
    public String getJMSProviderName() {
        return "h2mq";
    }

    @Override
    public String getProviderVersion() {
        return PROVIDER_VERSION;
    }

    @Override
    public int getProviderMajorVersion() {
        return Integer.parseInt(PROVIDER_VERSION.split("[.-]")[0]);
    }

    @Override
    public int getProviderMinorVersion() {
        String[] parts = PROVIDER_VERSION.split("[.-]");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    }

    @Override
    public Enumeration<String> getJMSXPropertyNames() {
        return Collections.enumeration(List.of("JMSXGroupID", "JMSXGroupSeq", "JMSXDeliveryCount"));
    }
}
