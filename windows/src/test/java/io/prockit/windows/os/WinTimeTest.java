package io.prockit.windows.os;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** FILETIME conversions, against values computed independently (Python's datetime, the SDK's 1601 epoch). */
class WinTimeTest {

    @Test
    void unixEpochIsTheDocumentedOffset() {
        assertEquals(Instant.EPOCH, WinTime.instant(116_444_736_000_000_000L));
        assertEquals(116_444_736_000_000_000L, WinTime.ticks(Instant.EPOCH));
    }

    @Test
    void knownInstants() {
        // 2000-01-01T00:00:00Z = 946684800 s after 1970.
        assertEquals(Instant.parse("2000-01-01T00:00:00Z"), WinTime.instant(125_911_584_000_000_000L));
        assertEquals(Instant.parse("1601-01-01T00:00:00Z"), WinTime.instant(0));
        assertEquals(Instant.parse("2024-02-29T12:34:56.789012300Z"),
                WinTime.instant(WinTime.ticks(Instant.parse("2024-02-29T12:34:56.789012300Z"))));
        assertEquals(Instant.parse("1969-12-31T23:59:59.999999900Z"), WinTime.instant(116_444_735_999_999_999L));
    }

    @Test
    void halvesAreJoinedUnsigned() {
        assertEquals(0x01DA_6B2C_8000_0000L, WinTime.ticks(0x01DA6B2C, 0x80000000));
        assertEquals(0x0000_0001_FFFF_FFFFL, WinTime.ticks(1, -1));
    }

    @Test
    void durationsAreHundredsOfNanoseconds() {
        assertEquals(Duration.ofSeconds(1), WinTime.duration(10_000_000));
        assertEquals(Duration.ofNanos(100), WinTime.duration(1));
        assertEquals(Duration.ofHours(5).plusNanos(1_234_500), WinTime.duration(180_000_012_345L));
        assertEquals(Duration.ZERO, WinTime.duration(0));
        assertThrows(IllegalArgumentException.class, () -> WinTime.duration(-1));
    }

    @Test
    void subHundredNanosecondsAreDropped() {
        assertEquals(WinTime.ticks(Instant.parse("2020-01-01T00:00:00.000000100Z")),
                WinTime.ticks(Instant.parse("2020-01-01T00:00:00.000000199Z")));
    }
}
