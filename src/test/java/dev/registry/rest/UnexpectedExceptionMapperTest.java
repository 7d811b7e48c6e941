package dev.registry.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

        assertTrue(causes.startsWith("EJBException < PersistenceException < SQLException (SQLState 40P01), thrown in"
                + " UnexpectedExceptionMapperTest.theLogLineNamesEachCauseAndItsSqlStateButNoMessage:"), causes);
        assertFalse(causes.contains("SELECT") || causes.contains("private"), causes);
    }

    @Test
    void aBugIsNamedWithThePlaceItWasThrown() {
        Exception failure;
        try {
            dereference(null);
            throw new AssertionError("unreachable");
        } catch (NullPointerException bug) {
            failure = new EJBException(bug);
        }

        String causes = UnexpectedExceptionMapper.causes(failure);

        assertEquals("EJBException < NullPointerException, thrown in UnexpectedExceptionMapperTest.dereference:"
                + LINE_OF_DEREFERENCE, causes);
    }

    private static final int LINE_OF_DEREFERENCE = new Throwable().getStackTrace()[0].getLineNumber() + 3;

    private static int dereference(String text) {
        return text.length();
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
