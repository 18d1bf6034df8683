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
 * </ul>
 */
public final class H2mqOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_URL = "jdbc:h2:file:./h2mq-data/h2mq";

    private String url = DEFAULT_URL;
    private String user;
    private String password;
    private int poolSize = 10;
    private String clientID;
    private String users;

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

    /** Whether {@code userName}/{@code password} may connect. */
    public boolean accepts(String userName, String password) {
        if (users == null || users.isBlank()) {
            return true;
        }
        if (userName == null && password == null) {
            return true;
        }
        for (String entry : users.split(",")) {
            String[] pair = entry.trim().split(":", 2);
            if (pair[0].equals(userName) && (pair.length == 2 ? pair[1] : "").equals(password == null ? "" : password)) {
                return true;
            }
        }
        return false;
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

    private Map<String, String> values(boolean withSecrets) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("url", url);
        m.put("user", user);
        m.put("password", withSecrets || password == null ? password : "****");
        m.put("poolSize", Integer.toString(poolSize));
        m.put("clientID", clientID);
        m.put("users", withSecrets || users == null ? users : users.replaceAll(":[^,]*", ":****"));
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
                default -> throw new IllegalArgumentException("unknown h2mq option '" + name + "' (known: url, user, "
                        + "password, poolSize, clientID, users)");
            }
        }
        return o;
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
