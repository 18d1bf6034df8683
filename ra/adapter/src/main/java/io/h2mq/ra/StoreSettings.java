package io.h2mq.ra;

import java.io.Serializable;
import java.util.Properties;

import io.h2mq.H2mqOptions;

/**
 * The store settings an adapter object is configured with: URL, credentials, pool size and any other h2mq option as
 * {@code name=value} pairs separated by semicolons. The resource adapter, each managed connection factory and each
 * activation spec hold one; a value left unset falls back to the resource adapter's.
 *
 * <p>Mutable JavaBean state, as the Connectors spec wants for configuration properties; the server sets it before
 * the object is used and never afterwards.
 */
public final class StoreSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    private String url;
    private String user;
    private String password;
    private Integer poolSize;
    private String options;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = blankToNull(url);
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = blankToNull(user);
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = blankToNull(password);
    }

    public Integer getPoolSize() {
        return poolSize;
    }

    public void setPoolSize(Integer poolSize) {
        this.poolSize = poolSize;
    }

    public String getOptions() {
        return options;
    }

    public void setOptions(String options) {
        this.options = blankToNull(options);
    }

    /**
     * The provider options these settings describe, each unset value taken from {@code fallback} (null: the
     * provider's defaults). Refuses a misspelled option name or a malformed pair, naming it.
     */
    public H2mqOptions toOptions(StoreSettings fallback) {
        Properties p = new Properties();
        if (fallback != null) {
            fallback.putInto(p);
        }
        putInto(p);
        return H2mqOptions.fromProperties(p);
    }

    private void putInto(Properties p) {
        if (options != null) {
            for (String pair : options.split(";")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("h2mq adapter property 'options' must be name=value pairs "
                            + "separated by ';', got '" + pair.trim() + "'");
                }
                p.setProperty(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        putIfSet(p, "url", url);
        putIfSet(p, "user", user);
        putIfSet(p, "password", password);
        putIfSet(p, "poolSize", poolSize == null ? null : poolSize.toString());
    }

    private static void putIfSet(Properties p, String name, String value) {
        if (value != null) {
            p.setProperty(name, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "url=" + url + ", user=" + user + ", password=" + (password == null ? null : "****")
                + ", poolSize=" + poolSize + ", options=" + (options == null ? null
                        : options.replaceAll("(?i)(password|users)=[^;]*", "$1=****"));
    }
}
