package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** F11: the embedded broker listens on loopback unless an address is given. */
class EmbeddedAddressTest {
  @Test
  void loopbackUnlessAHostIsGiven() {
    assertEquals(new EmbeddedAddress("127.0.0.1", 1883), EmbeddedAddress.parse("embedded"));
    assertEquals(new EmbeddedAddress("127.0.0.1", 2883), EmbeddedAddress.parse("embedded:2883"));
    assertEquals(
        new EmbeddedAddress("0.0.0.0", 2883), EmbeddedAddress.parse("embedded:0.0.0.0:2883"));
    assertEquals(
        "tcp://127.0.0.1:2883", EmbeddedAddress.parse("embedded:0.0.0.0:2883").clientUri());
    assertEquals(
        "tcp://10.0.0.5:1884", EmbeddedAddress.parse("embedded:10.0.0.5:1884").clientUri());
  }

  @Test
  void aBadValueSaysWhatWasExpected() {
    for (String bad : new String[] {"embedded:", "embedded:x", "embedded:70000", "embeddedx"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> EmbeddedAddress.parse(bad), bad);
      assertEquals(
          "expected --broker embedded, embedded:PORT or embedded:HOST:PORT (PORT 1-65535), found '"
              + bad
              + "'",
          e.getMessage());
    }
  }

  @Test
  void aTakenPortIsOneLineNotPagesOfTraces() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      EmbeddedAddress address = new EmbeddedAddress("127.0.0.1", taken.getLocalPort());
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, address::requireFree);
      assertTrue(
          e.getMessage()
              .startsWith(
                  "expected a free port for the embedded broker, found 127.0.0.1:"
                      + taken.getLocalPort()
                      + " taken ("),
          e.getMessage());
    }
  }
}
