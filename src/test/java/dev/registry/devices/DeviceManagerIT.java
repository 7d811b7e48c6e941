package dev.registry.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Deployments;
import dev.registry.database.DataSourceName;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs inside Payara Micro: the EJB, its transactions and PostgreSQL, with no HTTP in between. */
// Runs on Payara Micro and again on WildFly (the failsafe runs "payara" and "wildfly").
@Tag("arquillian")
@ExtendWith(ArquillianExtension.class)
class DeviceManagerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @Inject
    DeviceManager manager;

    @Resource(lookup = DataSourceName.JNDI)
    DataSource dataSource;

    @Test
    void createStoresTheDeviceWithItsIdVersionAndTimestamps() {
        Device created = manager.create("sensor");

        assertNotNull(created.getId());
        assertNotNull(created.getCreatedAt());
        assertEquals(created.getCreatedAt(), created.getUpdatedAt());
        Device found = manager.find(created.getId()).orElseThrow();
        assertEquals("sensor", found.getName());
        assertEquals(created.getCreatedAt(), found.getCreatedAt());
    }

    @Test
    void idsComeFromThePostgresIdentityAndGrow() {
        long first = manager.create("first").getId();
        long second = manager.create("second").getId();
        assertTrue(second > first);
    }

    @Test
    void renameIsCommittedBumpsTheVersionAndTouchesUpdatedAt() {
        Device created = manager.create("old");

        WriteResult result = manager.rename(created.getId(), "new", null);

        assertEquals(WriteResult.Outcome.WRITTEN, result.outcome());
        Device renamed = result.device();
        assertEquals("new", renamed.getName());
        assertEquals(created.getVersion() + 1, renamed.getVersion());
        assertEquals(created.getCreatedAt(), renamed.getCreatedAt());
        assertFalse(renamed.getUpdatedAt().isBefore(created.getUpdatedAt()));
        assertEquals("new", manager.find(created.getId()).orElseThrow().getName());
    }

    @Test
    void aWriteForAStaleVersionChangesNothingAndSaysStale() {
        Device created = manager.create("original");
        assertEquals(WriteResult.Outcome.WRITTEN, manager.rename(created.getId(), "second", List.of(created.getVersion())).outcome());

        assertEquals(WriteResult.Outcome.STALE, manager.rename(created.getId(), "lost", List.of(created.getVersion())).outcome());
        assertEquals(WriteResult.Outcome.STALE, manager.rename(created.getId(), "lost", List.of()).outcome());
        assertEquals(WriteResult.Outcome.STALE, manager.delete(created.getId(), List.of(created.getVersion())).outcome());
        assertEquals(WriteResult.Outcome.STALE, manager.unchanged(created.getId(), List.of(created.getVersion())).outcome());
        assertEquals("second", manager.find(created.getId()).orElseThrow().getName());
    }

    @Test
    void aWriteToAMissingDeviceSaysMissingWhateverTheVersions() {
        assertEquals(WriteResult.Outcome.MISSING, manager.rename(Long.MAX_VALUE, "x", null).outcome());
        assertEquals(WriteResult.Outcome.MISSING, manager.rename(Long.MAX_VALUE, "x", List.of(1L)).outcome());
        assertEquals(WriteResult.Outcome.MISSING, manager.delete(Long.MAX_VALUE, List.of()).outcome());
        assertEquals(WriteResult.Outcome.MISSING, manager.unchanged(Long.MAX_VALUE, null).outcome());
        assertTrue(manager.find(Long.MAX_VALUE).isEmpty());
    }

    @Test
    void deleteRemovesOnceAndReportsWhetherItDid() {
        Device doomed = manager.create("doomed");

        assertEquals(WriteResult.Outcome.WRITTEN, manager.delete(doomed.getId(), List.of(doomed.getVersion())).outcome());
        assertTrue(manager.find(doomed.getId()).isEmpty());
        assertEquals(WriteResult.Outcome.MISSING, manager.delete(doomed.getId(), null).outcome());
    }

    @Test
    void aKeyedCreateForgetsExpiredIdempotencyKeysAndKeepsTheOthers() throws Exception {
        String expired = "purge-" + UUID.randomUUID();
        String fresh = "keep-" + UUID.randomUUID();
        manager.create("purged", IdempotencyKey.valueOf(expired));
        manager.create("kept", IdempotencyKey.valueOf(fresh));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE idempotent_create SET created_at = now() - interval '25 hours'"
                    + " WHERE idempotency_key = '" + expired + "'");

            manager.create("another", IdempotencyKey.valueOf("next-" + UUID.randomUUID()));

            try (ResultSet keys = statement.executeQuery("SELECT idempotency_key FROM idempotent_create"
                    + " WHERE idempotency_key IN ('" + expired + "', '" + fresh + "')")) {
                assertTrue(keys.next());
                assertEquals(fresh, keys.getString(1));
                assertFalse(keys.next());
            }
        }
    }

    @Test
    void pagesAndBatchesWalkTheTableInIdOrder() {
        String prefix = "walk-" + UUID.randomUUID() + "-";
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < DeviceManager.STREAM_BATCH + 3; i++) {
            created.add(manager.create(prefix + i).getId());
        }

        List<Long> first = manager.batch(prefix, 0).stream().map(Device::getId).toList();
        List<Long> second = manager.batch(prefix, first.get(first.size() - 1)).stream().map(Device::getId).toList();
        assertEquals(created.subList(0, DeviceManager.STREAM_BATCH), first);
        assertEquals(created.subList(DeviceManager.STREAM_BATCH, created.size()), second);

        List<Long> page = manager.page(prefix, created.get(9), 5).stream().map(Device::getId).toList();
        assertEquals(created.subList(10, 15), page);
    }

    @Test
    void aNamePrefixMatchesLiterallyNotAsAPattern() {
        String tag = UUID.randomUUID().toString();
        long percent = manager.create(tag + "100%_a").getId();
        manager.create(tag + "100x_a");
        manager.create(tag + "100%xa");

        assertEquals(List.of(percent), manager.page(tag + "100%_", 0, 10).stream().map(Device::getId).toList());
        assertEquals(3, manager.page(tag, 0, 10).size());
    }

    @Test
    void theServersPoolLendsPlainStatementsNotTimingProxies() throws SQLException {
        // Payara's default SQL trace listener makes its pool hand out every statement as a reflective
        // proxy that times each call; payara-config turns it off (a cost on every request, README).
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement("SELECT 1")) {
            assertFalse(Proxy.isProxyClass(statement.getClass()), statement.getClass().getName());
        }
    }
}
