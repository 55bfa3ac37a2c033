package io.prockit.windows.process;

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
        assertFalse(h.closing());
        h.close();
        assertTrue(h.closing(), "users in flight see the close before their next call");
        assertFalse(h.isClosed());
        IOException e = assertThrows(IOException.class, h::acquire);
        assertEquals("Stream closed", e.getMessage());
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

    @Test
    void aHandleWhoseOwnerBecameUnreachableIsClosedOnce() throws Exception {
        List<String> closed = java.util.Collections.synchronizedList(new ArrayList<>());
        SharedHandle<String> h = new SharedHandle<>("h", closed::add);
        Object owner = new Object();
        h.closeWhenUnreachable(owner);
        System.gc();
        Thread.sleep(50);
        assertTrue(closed.isEmpty(), "not while the owner is reachable");
        java.lang.ref.Reference.reachabilityFence(owner);
        owner = null;
        for (int i = 0; i < 200 && closed.isEmpty(); i++) {
            System.gc();
            Thread.sleep(25);
        }
        assertEquals(List.of("h"), closed);
        h.close();
        assertEquals(List.of("h"), closed, "an explicit close afterwards does nothing");
    }

    @Test
    void anExplicitCloseLeavesNothingForTheCleaner() throws Exception {
        List<String> closed = java.util.Collections.synchronizedList(new ArrayList<>());
        SharedHandle<String> h = new SharedHandle<>("h", closed::add);
        Object owner = new Object();
        h.closeWhenUnreachable(owner);
        h.close();
        owner = null;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertEquals(List.of("h"), closed, "closed exactly once");
    }
}
