package io.prockit.windows;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedHandleTest {
    @Test
    void closeWaitsForTheLastUser() throws IOException {
        List<String> closed = new ArrayList<>();
        SharedHandle<String> h = new SharedHandle<>("h", closed::add);
        assertEquals("h", h.acquire());
        assertEquals("h", h.acquire());
        h.close();
        assertFalse(h.isClosed());
        assertThrows(IOException.class, h::acquire);
        h.release();
        assertTrue(closed.isEmpty());
        h.release();
        assertEquals(List.of("h"), closed);
        h.close();
        assertEquals(List.of("h"), closed, "closed once");
    }

    @Test
    void closeWithoutUsersClosesNow() {
        List<String> closed = new ArrayList<>();
        SharedHandle<String> h = new SharedHandle<>("h", closed::add);
        h.close();
        assertTrue(h.isClosed());
        assertEquals(List.of("h"), closed);
    }
}
