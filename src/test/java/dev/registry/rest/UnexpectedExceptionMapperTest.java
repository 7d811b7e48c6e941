package dev.registry.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UnexpectedExceptionMapperTest {

    @Test
    void theLogLineNamesEachCauseAndItsSqlStateButNoMessage() {
        var sql = new SQLException("ERROR: deadlock detected; SELECT secret FROM device", "40P01");
        var failure = new EJBException(new PersistenceException("INSERT INTO device VALUES ('private')", sql));

        String causes = UnexpectedExceptionMapper.causes(failure);

        assertEquals("EJBException < PersistenceException < SQLException (SQLState 40P01)", causes);
        assertFalse(causes.contains("SELECT") || causes.contains("private"), causes);
    }

    @Test
    void aCycleOfCausesEnds() {
        var first = new IllegalStateException("a");
        var second = new IllegalArgumentException("b", first);
        first.initCause(second);

        String causes = UnexpectedExceptionMapper.causes(first);

        assertEquals(12, causes.split(" < ").length, causes);
    }
}
