package dev.registry.database;

/**
 * The JNDI name of the server-defined data source (Payara's post-boot commands, WildFly's CLI
 * script): the WAR holds no credentials, only this name. persistence.xml spells it too, since XML
 * cannot refer to a constant.
 */
public final class DataSourceName {

    public static final String JNDI = "jdbc/devices";

    private DataSourceName() {
    }
}
