package dev.registry.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreconditionsTest {

    @Test
    void noIfMatchOrAStarLetsTheLastWriteWin() {
        assertNull(Preconditions.ifMatch(null));
        assertNull(Preconditions.ifMatch(List.of()));
        assertNull(Preconditions.ifMatch(List.of("*")));
        assertNull(Preconditions.ifMatch(List.of("\"1\", *")));
    }

    @Test
    void strongTagsNameTheVersionsAWriteMayApplyTo() {
        assertEquals(List.of(3L), Preconditions.ifMatch(List.of("\"3\"")));
        assertEquals(List.of(999L, 4L), Preconditions.ifMatch(List.of("\"999\", \"4\"")));
        assertEquals(List.of(1L, 2L), Preconditions.ifMatch(List.of("\"1\"", " \"2\" ")));
    }

    @Test
    void weakOrMalformedTagsMatchNothing() {
        for (String header : List.of("W/\"3\"", "3", "\"abc\"", "\"\"", "\"-1\"", "\"1234567890123456789\"")) {
            assertEquals(List.of(), Preconditions.ifMatch(List.of(header)), header);
        }
    }

    @Test
    void aLikePatternMatchesThePrefixLiterally() {
        assertEquals("50\\%\\_off%", DeviceManager.likePrefix("50%_off"));
        assertEquals("a\\\\b%", DeviceManager.likePrefix("a\\b"));
        assertEquals("%", DeviceManager.likePrefix(""));
    }
}
