package dev.registry;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Takes every connection of a server's pool for as long as it is held: a row lock taken here, and as
 * many PUTs of that row as the pool has connections, each holding one while it waits for the lock.
 * Real contention in the real pool, no switch in the server.
 */
public final class BusyPool implements AutoCloseable {

    /** The pool's size: maxpoolsize in payara-config/post-boot-commands.asadmin, max-pool-size in wildfly-config/devices.cli. */
    public static final int CONNECTIONS = 16;

    private final Connection holder;
    private final ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
    private final List<Future<Integer>> puts = new ArrayList<>();
    private boolean released;

    /**
     * @param database opens a connection to the server's database (two are opened: the lock's, and
     *                 one to watch the PUTs wait, since a transaction sees pg_stat_activity as it began)
     * @param put      PUTs the locked device and returns the status it was answered with
     */
    public BusyPool(Callable<Connection> database, long deviceId, Callable<Integer> put) throws Exception {
        holder = database.call();
        holder.setAutoCommit(false);
        try (var lock = holder.createStatement()) {
            lock.execute("SELECT id FROM device WHERE id = " + deviceId + " FOR UPDATE");
        }
        for (int i = 0; i < CONNECTIONS; i++) {
            puts.add(clients.submit(put));
        }
        try (Connection watcher = database.call(); var waiting = watcher.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            int count = 0;
            while (count < CONNECTIONS && System.nanoTime() < deadline) {
                try (var result = waiting.executeQuery()) {
                    result.next();
                    count = result.getInt(1);
                }
                Thread.sleep(50);
            }
            if (count < CONNECTIONS) {
                close();
                throw new AssertionError("only " + count + " of " + CONNECTIONS + " PUTs wait for the lock");
            }
        }
    }

    /** Lets the PUTs through; the statuses they were answered with. */
    public List<Integer> release() throws Exception {
        released = true;
        holder.rollback();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> put : puts) {
            statuses.add(put.get(60, TimeUnit.SECONDS));
        }
        return statuses;
    }

    @Override
    public void close() throws Exception {
        try {
            if (!released) {
                release();
            }
        } finally {
            clients.shutdownNow();
            holder.close();
        }
    }
}
