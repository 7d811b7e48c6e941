package dev.registry.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Deployments;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs inside Payara Micro: the EJB, its transactions and PostgreSQL, with no HTTP in between. */
@ExtendWith(ArquillianExtension.class)
class DeviceManagerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @Inject
    DeviceManager manager;

    @Test
    void createStoresTheDeviceAndReturnsItsGeneratedId() {
        Device created = manager.create("sensor");

        assertNotNull(created.getId());
        Device found = manager.find(created.getId()).orElseThrow();
        assertEquals("sensor", found.getName());
        assertEquals(created.getId(), found.getId());
    }

    @Test
    void idsComeFromThePostgresIdentityAndGrow() {
        long first = manager.create("first").getId();
        long second = manager.create("second").getId();
        assertTrue(second > first);
    }

    @Test
    void renameIsCommittedBeforeTheCallReturns() {
        long id = manager.create("old").getId();

        Device renamed = manager.rename(id, "new").orElseThrow();

        assertEquals("new", renamed.getName());
        assertEquals("new", manager.find(id).orElseThrow().getName());
    }

    @Test
    void renameOrFindOfAMissingDeviceIsEmpty() {
        assertTrue(manager.rename(Long.MAX_VALUE, "x").isEmpty());
        assertTrue(manager.find(Long.MAX_VALUE).isEmpty());
    }

    @Test
    void deleteRemovesOnceAndReportsWhetherItDid() {
        long id = manager.create("doomed").getId();

        assertTrue(manager.delete(id));
        assertTrue(manager.find(id).isEmpty());
        assertFalse(manager.delete(id));
    }

    @Test
    void allListsEveryDeviceOrderedById() {
        long a = manager.create("b-named").getId();
        long b = manager.create("a-named").getId();

        List<Long> ids = manager.all().stream().map(Device::getId).toList();

        assertTrue(ids.containsAll(List.of(a, b)));
        assertEquals(ids.stream().sorted().toList(), ids);
    }
}
