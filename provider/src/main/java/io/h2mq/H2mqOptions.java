package io.h2mq;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The options of a connection factory, as a plain bean so that JNDI properties, a resource adapter and code can all
 * set them the same way ({@link #fromProperties}).
 *
 * <ul>
 * <li>{@code url}: JDBC URL of the store; default {@value #DEFAULT_URL}</li>
 * <li>{@code user}, {@code password}: database credentials; default none</li>
 * <li>{@code poolSize}: maximum database connections of the store's pool; default 10</li>
 * <li>{@code clientID}: a client ID given to every connection (then {@code setClientID} is refused)</li>
 * <li>{@code users}: the messaging identities accepted by {@code createConnection(user, password)}, as
 * {@code name:password,name:password}; when empty, any identity is accepted</li>
 * <li>{@code passwordEnv}, {@code passwordFile}: where the database password comes from when {@code password} is
 * not set (it is never put in a JNDI reference)</li>
 * <li>{@code securityUsers} ... {@code securityDefaultRoles}: authentication and permissions, off by default; see
 * {@code docs/security.md}</li>
 * <li>delivery, overflow and size limits ({@code maxDeliveryAttempts} ... {@code maxMessageSize}): see each setter
 * and {@code docs/configuration.md}</li>
 * </ul>
 */
public final class H2mqOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_URL = "jdbc:h2:file:./h2mq-data/h2mq";
    /** 128 MiB: a 100 MB body with room for its headers and properties. */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 128L * 1024 * 1024;

    private String url = DEFAULT_URL;
    private String user;
    private String password;
    private int poolSize = 10;
    private String clientID;
    private String users;
    private int maxDeliveryAttempts = 10;
    private long redeliveryDelay;
    private double redeliveryBackoff = 2.0;
    private long maxRedeliveryDelay = 60_000;
    private String deadLetterQueue = "DLQ";
    private String policies;
    private long maxDepth;
    private long maxDepthBytes;
    private String overflow = "BLOCK";
    private long blockTimeout = 30_000;
    private String durability = "PROCESS_CRASH";
    private String expiryQueue;
    private int prefetch = DEFAULT_PREFETCH;

    /** Default of {@link #setPrefetch}. */
    public static final int DEFAULT_PREFETCH = 100;
    private long maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
    private long leaseTime = DEFAULT_LEASE_TIME;
    private long pollInterval = DEFAULT_POLL_INTERVAL;
    private long expiryScanInterval = DEFAULT_EXPIRY_SCAN_INTERVAL;
    private String passwordEnv;
    private String passwordFile;
    private String securityUsers;
    private String securityRoles;
    private String securityPermissions;
    private String jaasLoginContext;
    private String jaasRolePrincipalClass;
    private String securityDefaultUser;
    private String securityDefaultRoles;
    private boolean jmx = true;
    private boolean metrics;

    /** Default of {@link #setLeaseTime}: 30 s. */
    public static final long DEFAULT_LEASE_TIME = io.h2mq.store.StoreSettings.DEFAULT_LEASE_MILLIS;
    /** Default of {@link #setPollInterval}: 1 s. */
    public static final long DEFAULT_POLL_INTERVAL = io.h2mq.store.StoreSettings.DEFAULT_POLL_MILLIS;
    /** Default of {@link #setExpiryScanInterval}: 30 s. */
    public static final long DEFAULT_EXPIRY_SCAN_INTERVAL = io.h2mq.store.StoreSettings.DEFAULT_EXPIRY_SCAN_MILLIS;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
            throw new IllegalArgumentException("h2mq option 'url' must be a JDBC URL, got '" + url + "'");
        }
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public int getPoolSize() {
        return poolSize;
    }

    public void setPoolSize(int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("h2mq option 'poolSize' must be at least 1, got " + poolSize);
        }
        this.poolSize = poolSize;
    }

    public String getClientID() {
        return clientID;
    }

    public void setClientID(String clientID) {
        this.clientID = clientID;
    }

    public String getUsers() {
        return users;
    }

    public void setUsers(String users) {
        this.users = users;
    }

    public int getMaxDeliveryAttempts() {
        return maxDeliveryAttempts;
    }

    /** Deliveries after which a message goes to the dead-letter queue; 0 for no limit. Default 10. */
    public void setMaxDeliveryAttempts(int maxDeliveryAttempts) {
        if (maxDeliveryAttempts < 0) {
            throw new IllegalArgumentException("h2mq option 'maxDeliveryAttempts' must not be negative, got "
                    + maxDeliveryAttempts);
        }
        this.maxDeliveryAttempts = maxDeliveryAttempts;
    }

    public long getRedeliveryDelay() {
        return redeliveryDelay;
    }

    /** Milliseconds before a message comes back after rollback, recover or a failed listener. Default 0. */
    public void setRedeliveryDelay(long redeliveryDelay) {
        if (redeliveryDelay < 0) {
            throw new IllegalArgumentException("h2mq option 'redeliveryDelay' must not be negative, got "
                    + redeliveryDelay);
        }
        this.redeliveryDelay = redeliveryDelay;
    }

    public double getRedeliveryBackoff() {
        return redeliveryBackoff;
    }

    /** Factor applied to the delay at each further redelivery. Default 2. */
    public void setRedeliveryBackoff(double redeliveryBackoff) {
        if (redeliveryBackoff < 1) {
            throw new IllegalArgumentException("h2mq option 'redeliveryBackoff' must be at least 1, got "
                    + redeliveryBackoff);
        }
        this.redeliveryBackoff = redeliveryBackoff;
    }

    public long getMaxRedeliveryDelay() {
        return maxRedeliveryDelay;
    }

    /** Cap of the redelivery delay in milliseconds. Default 60000. */
    public void setMaxRedeliveryDelay(long maxRedeliveryDelay) {
        this.maxRedeliveryDelay = maxRedeliveryDelay;
    }

    public String getDeadLetterQueue() {
        return deadLetterQueue;
    }

    /** Physical name of the dead-letter queue. Default {@code DLQ}. */
    public void setDeadLetterQueue(String deadLetterQueue) {
        if (deadLetterQueue == null || deadLetterQueue.isBlank()) {
            throw new IllegalArgumentException("h2mq option 'deadLetterQueue' must name a queue");
        }
        this.deadLetterQueue = deadLetterQueue;
    }

    public String getPolicies() {
        return policies;
    }

    /**
     * Per-destination overrides of the delivery settings, e.g.
     * {@code orders:maxDeliveryAttempts=3,deadLetterQueue=orders.DLQ;payments:redeliveryDelay=1000}.
     */
    public void setPolicies(String policies) {
        this.policies = policies;
    }

    public long getMaxDepth() {
        return maxDepth;
    }

    /** Messages a queue (or each subscription of a topic) may hold; 0 for no limit (the default). */
    public void setMaxDepth(long maxDepth) {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("h2mq option 'maxDepth' must not be negative, got " + maxDepth);
        }
        this.maxDepth = maxDepth;
    }

    public long getMaxDepthBytes() {
        return maxDepthBytes;
    }

    /** Encoded bytes a queue (or each subscription of a topic) may hold; 0 for no limit (the default). */
    public void setMaxDepthBytes(long maxDepthBytes) {
        if (maxDepthBytes < 0) {
            throw new IllegalArgumentException("h2mq option 'maxDepthBytes' must not be negative, got "
                    + maxDepthBytes);
        }
        this.maxDepthBytes = maxDepthBytes;
    }

    public String getOverflow() {
        return overflow;
    }

    /** What a send does when the destination is full: BLOCK (the default), FAIL, DROP_NEW or DROP_OLD. */
    public void setOverflow(String overflow) {
        String upper = overflow == null ? "" : overflow.trim().toUpperCase(java.util.Locale.ROOT);
        if (!java.util.List.of("BLOCK", "FAIL", "DROP_NEW", "DROP_OLD").contains(upper)) {
            throw new IllegalArgumentException("h2mq option 'overflow' must be BLOCK, FAIL, DROP_NEW or DROP_OLD, got '"
                    + overflow + "'");
        }
        this.overflow = upper;
    }

    public long getBlockTimeout() {
        return blockTimeout;
    }

    /** Milliseconds a send blocked by a full destination waits for room before failing. Default 30000. */
    public void setBlockTimeout(long blockTimeout) {
        if (blockTimeout < 0) {
            throw new IllegalArgumentException("h2mq option 'blockTimeout' must not be negative, got " + blockTimeout);
        }
        this.blockTimeout = blockTimeout;
    }

    public String getDurability() {
        return durability;
    }

    /**
     * What a returned send or commit survives: {@code PROCESS_CRASH} (the default: written to the operating system
     * before returning, so {@code kill -9} loses nothing) or {@code POWER_LOSS} (also forced to the storage device,
     * once per group commit).
     */
    public void setDurability(String durability) {
        String upper = durability == null ? "" : durability.trim().toUpperCase(java.util.Locale.ROOT);
        if (!upper.equals("PROCESS_CRASH") && !upper.equals("POWER_LOSS")) {
            throw new IllegalArgumentException("h2mq option 'durability' must be PROCESS_CRASH or POWER_LOSS, got '"
                    + durability + "'");
        }
        this.durability = upper;
    }

    public String getExpiryQueue() {
        return expiryQueue;
    }

    /** The queue expired messages move to; none (the default) drops them. */
    public void setExpiryQueue(String expiryQueue) {
        this.expiryQueue = expiryQueue == null || expiryQueue.isBlank() ? null : expiryQueue;
    }

    public int getPrefetch() {
        return prefetch;
    }

    /**
     * Messages a consumer without a selector claims from the store in one write, ahead of demand, to hand out from
     * memory (bounded also by 1 MiB of bodies per destination). Claimed messages are the node's: every consumer of
     * the destination in the JVM takes from them. If the JVM is killed, claimed messages that were not yet
     * delivered come back marked redelivered. 1 claims one message per receive. Default {@value #DEFAULT_PREFETCH}.
     */
    public void setPrefetch(int prefetch) {
        if (prefetch < 1) {
            throw new IllegalArgumentException("h2mq option 'prefetch' must be at least 1, got " + prefetch);
        }
        this.prefetch = prefetch;
    }

    public long getMaxMessageSize() {
        return maxMessageSize;
    }

    /**
     * Largest message a send accepts, in encoded bytes (headers, properties and body); a larger one fails with
     * {@code ResourceAllocationException} before anything is stored. From 1 to 2147483647; default
     * {@value #DEFAULT_MAX_MESSAGE_SIZE} (128 MiB).
     */
    public void setMaxMessageSize(long maxMessageSize) {
        if (maxMessageSize < 1 || maxMessageSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("h2mq option 'maxMessageSize' must be from 1 to " + Integer.MAX_VALUE
                    + " bytes, got " + maxMessageSize);
        }
        this.maxMessageSize = maxMessageSize;
    }

    public long getLeaseTime() {
        return leaseTime;
    }

    /**
     * How long a claim on a message lasts, in milliseconds, unless the process holding it renews it (it does, every
     * sixth of this time, while it is alive). The messages a process had claimed when it died without closing are
     * redelivered to other processes this long after its last renewal. At least 1000; default
     * {@value #DEFAULT_LEASE_TIME}. Longer survives longer pauses of a process (garbage collection, a stalled
     * database); shorter brings a dead process's messages back sooner.
     */
    public void setLeaseTime(long leaseTime) {
        if (leaseTime < 1_000) {
            throw new IllegalArgumentException("h2mq option 'leaseTime' must be at least 1000 ms, got " + leaseTime);
        }
        this.leaseTime = leaseTime;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    /**
     * The longest a waiting consumer goes without looking at the store for messages sent by another process, in
     * milliseconds. Consumers of the JVM that sent are woken at once, and on PostgreSQL other processes are notified
     * too, so this bounds only the delay of a lost notification there; on a shared H2 database it is the ceiling of
     * the polling, which starts fast after activity and backs off to it when idle. A store only this JVM can open (an
     * embedded H2 file) is never polled. At least 10; default {@value #DEFAULT_POLL_INTERVAL}.
     */
    public void setPollInterval(long pollInterval) {
        if (pollInterval < 10) {
            throw new IllegalArgumentException("h2mq option 'pollInterval' must be at least 10 ms, got "
                    + pollInterval);
        }
        this.pollInterval = pollInterval;
    }

    public long getExpiryScanInterval() {
        return expiryScanInterval;
    }

    /**
     * How often the store is swept of expired messages, in milliseconds, on every destination whether anyone consumes
     * from it or not: each is dropped, or moved to its expiry queue, and leaves the destination's depth (so a full
     * destination whose messages expired takes sends again). One process of those sharing the store sweeps (the one
     * holding the housekeeping lease), and it reads the entries of a destination only when the earliest of them has
     * expired. A consumer that finds nothing to receive also clears its destination's expired messages at once, so
     * this matters for destinations nobody is consuming from. Expired messages are never delivered either way. At
     * least 100; default {@value #DEFAULT_EXPIRY_SCAN_INTERVAL}.
     */
    public void setExpiryScanInterval(long expiryScanInterval) {
        if (expiryScanInterval < 100) {
            throw new IllegalArgumentException("h2mq option 'expiryScanInterval' must be at least 100 ms, got "
                    + expiryScanInterval);
        }
        this.expiryScanInterval = expiryScanInterval;
    }

    public String getPasswordEnv() {
        return passwordEnv;
    }

    /** The environment variable holding the database password, read when {@code password} is not set. */
    public void setPasswordEnv(String passwordEnv) {
        this.passwordEnv = blankToNull(passwordEnv);
    }

    public String getPasswordFile() {
        return passwordFile;
    }

    /** A file whose first line is the database password, read when {@code password} and {@code passwordEnv} are not set. */
    public void setPasswordFile(String passwordFile) {
        this.passwordFile = blankToNull(passwordFile);
    }

    public String getSecurityUsers() {
        return securityUsers;
    }

    /** The users file ({@code user = password} lines): a path or {@code classpath:name}. Turns authentication on. */
    public void setSecurityUsers(String securityUsers) {
        this.securityUsers = blankToNull(securityUsers);
    }

    public String getSecurityRoles() {
        return securityRoles;
    }

    /** The roles file ({@code role = user1, user2} lines) of the users of {@code securityUsers}. */
    public void setSecurityRoles(String securityRoles) {
        this.securityRoles = blankToNull(securityRoles);
    }

    public String getSecurityPermissions() {
        return securityPermissions;
    }

    /**
     * The permission rules ({@code send:orders.# = app, admin} lines): a path or {@code classpath:name}, or the rules
     * themselves separated by {@code ;} when the value holds a {@code =}. Without it, every user may do everything.
     */
    public void setSecurityPermissions(String securityPermissions) {
        this.securityPermissions = blankToNull(securityPermissions);
    }

    public String getJaasLoginContext() {
        return jaasLoginContext;
    }

    /** The entry of the JVM's JAAS configuration that authenticates users. Turns authentication on. */
    public void setJaasLoginContext(String jaasLoginContext) {
        this.jaasLoginContext = blankToNull(jaasLoginContext);
    }

    public String getJaasRolePrincipalClass() {
        return jaasRolePrincipalClass;
    }

    /** The class of the JAAS subject's principals that are roles; default {@code io.h2mq.security.RolePrincipal}. */
    public void setJaasRolePrincipalClass(String jaasRolePrincipalClass) {
        this.jaasRolePrincipalClass = blankToNull(jaasRolePrincipalClass);
    }

    public String getSecurityDefaultUser() {
        return securityDefaultUser;
    }

    /** Who a connection created without credentials is; none refuses such connections when users are authenticated. */
    public void setSecurityDefaultUser(String securityDefaultUser) {
        this.securityDefaultUser = blankToNull(securityDefaultUser);
    }

    public String getSecurityDefaultRoles() {
        return securityDefaultRoles;
    }

    /** The roles of {@code securityDefaultUser}, comma-separated. */
    public void setSecurityDefaultRoles(String securityDefaultRoles) {
        this.securityDefaultRoles = blankToNull(securityDefaultRoles);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public boolean isJmx() {
        return jmx;
    }

    /**
     * Whether the engine of the store registers its MBeans (domain {@code io.h2mq}) on the platform MBeanServer while
     * it runs. Default true.
     */
    public void setJmx(boolean jmx) {
        this.jmx = jmx;
    }

    public boolean isMetrics() {
        return metrics;
    }

    /**
     * Whether the engine of the store binds its meters to Micrometer's global registry
     * ({@code Metrics.globalRegistry}) while it runs; refused when Micrometer is not on the class path. Default false.
     */
    public void setMetrics(boolean metrics) {
        this.metrics = metrics;
    }

    public H2mqOptions copy() {
        return fromProperties(toProperties());
    }

    public Properties toProperties() {
        Properties p = new Properties();
        values(true).forEach((k, v) -> {
            if (v != null) {
                p.setProperty(k, v);
            }
        });
        return p;
    }

    /**
     * The options without their secrets, as a JNDI reference carries them: no {@code password}, no {@code users}
     * (whose entries hold passwords).
     */
    Properties toPropertiesWithoutSecrets() {
        Properties p = toProperties();
        p.remove("password");
        p.remove("users");
        return p;
    }

    private Map<String, String> values(boolean withSecrets) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("url", url);
        m.put("user", user);
        m.put("password", withSecrets || password == null ? password : "****");
        m.put("poolSize", Integer.toString(poolSize));
        m.put("clientID", clientID);
        m.put("users", withSecrets || users == null ? users : users.replaceAll(":[^,]*", ":****"));
        m.put("maxDeliveryAttempts", Integer.toString(maxDeliveryAttempts));
        m.put("redeliveryDelay", Long.toString(redeliveryDelay));
        m.put("redeliveryBackoff", Double.toString(redeliveryBackoff));
        m.put("maxRedeliveryDelay", Long.toString(maxRedeliveryDelay));
        m.put("deadLetterQueue", deadLetterQueue);
        m.put("policies", policies);
        m.put("maxDepth", Long.toString(maxDepth));
        m.put("maxDepthBytes", Long.toString(maxDepthBytes));
        m.put("overflow", overflow);
        m.put("blockTimeout", Long.toString(blockTimeout));
        m.put("durability", durability);
        m.put("expiryQueue", expiryQueue);
        m.put("prefetch", Integer.toString(prefetch));
        m.put("maxMessageSize", Long.toString(maxMessageSize));
        m.put("leaseTime", Long.toString(leaseTime));
        m.put("pollInterval", Long.toString(pollInterval));
        m.put("expiryScanInterval", Long.toString(expiryScanInterval));
        m.put("passwordEnv", passwordEnv);
        m.put("passwordFile", passwordFile);
        m.put("securityUsers", securityUsers);
        m.put("securityRoles", securityRoles);
        m.put("securityPermissions", securityPermissions);
        m.put("jaasLoginContext", jaasLoginContext);
        m.put("jaasRolePrincipalClass", jaasRolePrincipalClass);
        m.put("securityDefaultUser", securityDefaultUser);
        m.put("securityDefaultRoles", securityDefaultRoles);
        m.put("jmx", Boolean.toString(jmx));
        m.put("metrics", Boolean.toString(metrics));
        return m;
    }

    /**
     * Options from properties named as the bean's properties; unknown names are refused so a typo does not pass
     * silently.
     */
    public static H2mqOptions fromProperties(Properties props) {
        H2mqOptions o = new H2mqOptions();
        for (String name : props.stringPropertyNames()) {
            String value = props.getProperty(name);
            switch (name) {
                case "url" -> o.setUrl(value);
                case "user" -> o.setUser(value);
                case "password" -> o.setPassword(value);
                case "poolSize" -> o.setPoolSize(parseInt(name, value));
                case "clientID" -> o.setClientID(value);
                case "users" -> o.setUsers(value);
                case "maxDeliveryAttempts" -> o.setMaxDeliveryAttempts(parseInt(name, value));
                case "redeliveryDelay" -> o.setRedeliveryDelay(parseLong(name, value));
                case "redeliveryBackoff" -> o.setRedeliveryBackoff(parseDouble(name, value));
                case "maxRedeliveryDelay" -> o.setMaxRedeliveryDelay(parseLong(name, value));
                case "deadLetterQueue" -> o.setDeadLetterQueue(value);
                case "policies" -> o.setPolicies(value);
                case "maxDepth" -> o.setMaxDepth(parseLong(name, value));
                case "maxDepthBytes" -> o.setMaxDepthBytes(parseLong(name, value));
                case "overflow" -> o.setOverflow(value);
                case "blockTimeout" -> o.setBlockTimeout(parseLong(name, value));
                case "durability" -> o.setDurability(value);
                case "expiryQueue" -> o.setExpiryQueue(value);
                case "prefetch" -> o.setPrefetch(parseInt(name, value));
                case "maxMessageSize" -> o.setMaxMessageSize(parseLong(name, value));
                case "leaseTime" -> o.setLeaseTime(parseLong(name, value));
                case "pollInterval" -> o.setPollInterval(parseLong(name, value));
                case "expiryScanInterval" -> o.setExpiryScanInterval(parseLong(name, value));
                case "passwordEnv" -> o.setPasswordEnv(value);
                case "passwordFile" -> o.setPasswordFile(value);
                case "securityUsers" -> o.setSecurityUsers(value);
                case "securityRoles" -> o.setSecurityRoles(value);
                case "securityPermissions" -> o.setSecurityPermissions(value);
                case "jaasLoginContext" -> o.setJaasLoginContext(value);
                case "jaasRolePrincipalClass" -> o.setJaasRolePrincipalClass(value);
                case "securityDefaultUser" -> o.setSecurityDefaultUser(value);
                case "securityDefaultRoles" -> o.setSecurityDefaultRoles(value);
                case "jmx" -> o.setJmx(parseBoolean(name, value));
                case "metrics" -> o.setMetrics(parseBoolean(name, value));
                default -> throw new IllegalArgumentException("unknown h2mq option '" + name + "' (known: "
                        + String.join(", ", NAMES) + ")");
            }
        }
        return o;
    }

    /** Every option name, as in properties and JNDI. */
    public static final java.util.List<String> NAMES = java.util.List.of("url", "user", "password", "poolSize",
            "clientID", "users", "maxDeliveryAttempts", "redeliveryDelay", "redeliveryBackoff", "maxRedeliveryDelay",
            "deadLetterQueue", "policies", "maxDepth", "maxDepthBytes", "overflow", "blockTimeout", "durability", "expiryQueue",
            "prefetch", "maxMessageSize", "leaseTime", "pollInterval", "expiryScanInterval",
            "passwordEnv", "passwordFile", "securityUsers", "securityRoles", "securityPermissions", "jaasLoginContext",
            "jaasRolePrincipalClass", "securityDefaultUser", "securityDefaultRoles",
            "jmx", "metrics");

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("h2mq option '" + name + "' must be a number, got '" + value + "'", e);
        }
    }

    private static double parseDouble(String name, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("h2mq option '" + name + "' must be a number, got '" + value + "'", e);
        }
    }

    private static boolean parseBoolean(String name, String value) {
        String v = value.trim();
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("h2mq option '" + name + "' must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(v);
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("h2mq option '" + name + "' must be a number, got '" + value + "'", e);
        }
    }

    @Override
    public String toString() {
        return values(false).toString();
    }
}
