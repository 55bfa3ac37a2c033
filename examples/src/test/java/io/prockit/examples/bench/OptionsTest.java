package io.prockit.examples.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {
    @Test
    void noArgumentsGiveTheDefaults() {
        Options o = Options.parse(List.of());
        assertEquals(Options.defaults(), o);
        assertEquals("all", o.what());
        assertEquals(2000, o.n());
        assertEquals(1L << 30, o.bytes());
        assertTrue(o.runs("cold"));
    }

    @Test
    void subcommandAndOptionsInBothSpellings() {
        Options o = Options.parse(List.of("spawn", "--n", "50", "--rounds=2", "--out", "x/y", "--bytes", "256M"));
        assertEquals("spawn", o.what());
        assertEquals(50, o.n());
        assertEquals(2, o.rounds());
        assertEquals(Path.of("x/y"), o.out());
        assertEquals(256L << 20, o.bytes());
        assertTrue(o.runs("spawn"));
        assertFalse(o.runs("pipe"));
    }

    @Test
    void pipeChildrenNeverExceedChildren() {
        assertEquals(300, Options.parse(List.of("--children", "300")).pipeChildren());
        Options big = Options.parse(List.of("concurrent", "--children", "10000"));
        assertEquals(10000, big.children());
        assertEquals(1000, big.pipeChildren());
        assertEquals(20, Options.parse(List.of("--children", "500", "--pipe-children", "20")).pipeChildren());
    }

    @Test
    void sizesTakeSuffixes() {
        assertEquals(1024, Options.size("1k"));
        assertEquals(3L << 30, Options.size("3G"));
        assertEquals(12345, Options.size("12345"));
    }

    @Test
    void badInputIsRefusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(List.of("frob")));
        assertTrue(e.getMessage().contains("frob"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of("--n", "-3")));
        assertTrue(e.getMessage().contains("-3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of("--bytes", "12Q")));
        assertTrue(e.getMessage().contains("12Q"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of("--speed", "1")));
        assertTrue(e.getMessage().contains("--speed"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of("--n")));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of("spawn", "pipe")));
    }

    @Test
    void usageErrorsReturnTwoAndPrintTheUsage() {
        var bytes = new java.io.ByteArrayOutputStream();
        int rc = Bench.run(new String[] {"--rounds", "zero"}, new java.io.PrintStream(bytes, true));
        assertEquals(2, rc);
        assertTrue(bytes.toString().contains("usage: bench"), bytes.toString());
    }
}
