package dev.registry.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void connectionFailuresAndAServerShuttingDownAreOutages() {
        for (String state : new String[] {"08000", "08001", "08006", "57P01", "57P02", "57P03"}) {
            assertTrue(DatabaseOutage.isCause(new PersistenceException(new SQLException("x", state))), state);
        }
    }

    @Test
    void thePoolAndTheTransactionManagerSpeakForAConnectionThatDied() {
        assertTrue(DatabaseOutage.isCause(new IllegalStateException(new ResourceException("no connection"))));
        assertTrue(DatabaseOutage.isCause(new RollbackException("commit failed")));
        assertTrue(DatabaseOutage.isCause(new SQLTransientConnectionException("timeout")));
    }

    @Test
    void aChainedSqlExceptionCounts() {
        SQLException batch = new SQLException("batch failed", "42000");
        batch.setNextException(new SQLException("connection lost", "08006"));
        assertTrue(DatabaseOutage.isCause(batch));
    }

    @Test
    void bugsAndConstraintViolationsAreNotOutages() {
        assertFalse(DatabaseOutage.isCause(new SQLException("duplicate", "23505")));
        assertFalse(DatabaseOutage.isCause(new SQLException("syntax", "42601")));
        assertFalse(DatabaseOutage.isCause(new IllegalArgumentException("bug")));
        assertFalse(DatabaseOutage.isCause(new SQLException("no state")));
    }

    @Test
    void aDatabaseThatRefusesThisServerIsNotWorthWaitingFor() {
        assertTrue(DatabaseOutage.isWorthWaiting(new SQLException("refused", "08001")));
        // The pool reports the refusal as a connection failure; the driver's SQLState inside says why.
        assertFalse(DatabaseOutage.isWorthWaiting(new SQLException("pool", "08001", new SQLException("password", "28P01"))));
        assertFalse(DatabaseOutage.isWorthWaiting(new SQLException("pool", "08001", new SQLException("no such db", "3D000"))));
        assertFalse(DatabaseOutage.isWorthWaiting(new SQLException("changeset failed", "42P07")));
    }

    @Test
    void theSqlStateIsTheInnermostOne() {
        assertEquals("28P01", DatabaseOutage.sqlState(new SQLException("pool", "08001", new SQLException("pw", "28P01"))));
        assertEquals("none", DatabaseOutage.sqlState(new IllegalStateException("no SQL")));
    }
}
