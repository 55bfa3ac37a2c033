package io.prockit.posix.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which longs a POSIX wait status may be: a C {@code int}, read signed or unsigned, and nothing wider. */
class StatusRangeTest {

    @Test
    void aCIntReadEitherWayIsInRangeAndNothingWider() {
        for (PosixStatusCodec c : new PosixStatusCodec[] {PosixStatusCodec.LINUX, PosixStatusCodec.DARWIN}) {
            assertTrue(c.inRange(0));
            assertTrue(c.inRange(Integer.MIN_VALUE), "the lowest signed int");
            assertTrue(c.inRange(0xffffffffL), "the highest unsigned int");
            assertFalse(c.inRange(Integer.MIN_VALUE - 1L), "below a signed int");
            assertFalse(c.inRange(0x1_0000_0000L), "above an unsigned int");
            assertFalse(c.inRange(Long.MAX_VALUE));
            assertFalse(c.inRange(Long.MIN_VALUE));
        }
    }
}
