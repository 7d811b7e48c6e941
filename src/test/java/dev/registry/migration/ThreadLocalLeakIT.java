package dev.registry.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.Deployments;
import java.lang.ref.Reference;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the server after the deployment migrated: no server thread holds a thread-local of
 * Liquibase's, which would keep this deployment's classes alive after an undeploy (a redeploy leak;
 * the check Payara Server runs at stop-domain, done here on every live thread).
 */
@Tag("arquillian")
@ExtendWith(ArquillianExtension.class)
class ThreadLocalLeakIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @Test
    void noThreadKeepsLiquibasesScopeAfterTheMigration() throws Exception {
        Field threadLocals = Thread.class.getDeclaredField("threadLocals");
        Field inheritable = Thread.class.getDeclaredField("inheritableThreadLocals");
        threadLocals.setAccessible(true);
        inheritable.setAccessible(true);
        List<String> holders = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            for (Field field : List.of(threadLocals, inheritable)) {
                Object map = field.get(thread);
                if (map != null && holdsLiquibase(map)) {
                    holders.add(thread.getName() + " (" + field.getName() + ")");
                }
            }
        }
        assertEquals(List.of(), holders);
    }

    private static boolean holdsLiquibase(Object threadLocalMap) throws ReflectiveOperationException {
        Field tableField = threadLocalMap.getClass().getDeclaredField("table");
        tableField.setAccessible(true);
        Object table = tableField.get(threadLocalMap);
        for (int i = 0; i < Array.getLength(table); i++) {
            Object entry = Array.get(table, i);
            if (entry == null) {
                continue;
            }
            Object key = ((Reference<?>) entry).get();
            Field valueField = entry.getClass().getDeclaredField("value");
            valueField.setAccessible(true);
            Object value = valueField.get(entry);
            if ((key != null && key.getClass().getName().startsWith("liquibase."))
                    || (value != null && value.getClass().getName().startsWith("liquibase."))) {
                return true;
            }
        }
        return false;
    }
}
