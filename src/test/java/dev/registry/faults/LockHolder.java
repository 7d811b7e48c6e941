package dev.registry.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;

/**
 * Run as its own JVM by StartupIT: takes Liquibase's changelog lock the way a migrating server does,
 * says so, and waits to be killed with SIGKILL, as a server killed mid-migration would be.
 */
public final class LockHolder {

    public static void main(String[] args) throws Exception {
        Connection connection = DriverManager.getConnection(args[0], "postgres", "");
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        Scope.child("liquibase.analytics.enabled", false, () -> {
            LockService lock = LockServiceFactory.getInstance().getLockService(database);
            lock.waitForLock();
            System.out.println("LOCKED by " + lock.getClass().getSimpleName());
            System.out.flush();
            Thread.sleep(600_000);
        });
    }
}
