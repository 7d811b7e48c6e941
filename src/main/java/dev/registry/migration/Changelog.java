package dev.registry.migration;

import java.sql.Connection;
import java.util.Map;
import java.util.function.Consumer;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Runs Liquibase on one connection: used at deployment and by the migration tests. */
public final class Changelog {

    /** The same relative path the Liquibase Maven plugin uses: it is part of each changeset's identity. */
    public static final String PATH = "liquibase/changelog.xml";
    /** The context the application migrates in: every changeset but the contract ones. */
    static final String DEPLOYMENT_CONTEXT = "deployment";

    private Changelog() {
    }

    /**
     * Applies every pending changeset under Liquibase's lock. PostgreSQL runs each changeset's DDL in
     * its own transaction, so a failing changeset leaves nothing of itself behind.
     */
    public static void update(Connection connection, String changelog, Consumer<String> log) {
        try {
            run(connection, changelog, liquibase -> {
                // Lock first: Liquibase's update reads the changelog, creating DATABASECHANGELOG,
                // before it takes its own lock, so two instances starting together would race there.
                LockService lock = LockServiceFactory.getInstance().getLockService(liquibase.getDatabase());
                lock.waitForLock();
                try {
                    updateCounting(liquibase, changelog, log);
                } finally {
                    lock.releaseLock();
                }
            });
        } catch (Exception e) {
            // Liquibase's message names the failing changeset (file::id::author).
            throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
        }
    }

    private static void updateCounting(Liquibase liquibase, String changelog, Consumer<String> log)
            throws LiquibaseException {
        int[] applied = {0};
        liquibase.setChangeExecListener(new AbstractChangeExecListener() {
            @Override
            public void ran(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
                    ChangeSet.ExecType type) {
                applied[0]++;
            }
        });
        // Expand changesets run at deployment; those marked context="contract" (a drop, a rename) would
        // break the previous release still serving during a rolling upgrade: an operator runs them once
        // it is gone (README, "Upgrade without downtime").
        liquibase.update(new Contexts(DEPLOYMENT_CONTEXT), new LabelExpression());
        log.accept(applied[0] == 0
                ? "Database schema is up to date: no changeset of " + changelog + " was pending"
                : "Applied " + applied[0] + " changeset(s) of " + changelog + "; database schema is up to date");
    }

    interface LiquibaseWork {
        void run(Liquibase liquibase) throws LiquibaseException;
    }

    static void run(Connection connection, String changelog, LiquibaseWork work) throws Exception {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        var accessor = new ClassLoaderResourceAccessor(Changelog.class.getClassLoader());
        Map<String, Object> settings = Map.of(
                Scope.Attr.resourceAccessor.name(), accessor,
                // A server must not call out to the internet while it starts.
                "liquibase.analytics.enabled", false);
        Scope.child(settings, () -> work.run(new Liquibase(changelog, accessor, database)));
    }
}
