package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class TcpSocketFactoryTest {
  @Test
  void socketsHaveNagleOffAndOneBufferedInputThatReadsWhatArrives() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        // Unconnected first, then connect: the way Paho's TCP module uses its factory.
        Socket client = new TcpSocketFactory().createSocket()) {
      client.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
      try (Socket peer = server.accept()) {
        assertTrue(client.getTcpNoDelay());
        InputStream input = client.getInputStream();
        assertInstanceOf(CorrelationDataGuard.class, input);
        assertSame(input, client.getInputStream());

        OutputStream out = peer.getOutputStream();
        out.write(new byte[] {0x30, 3, 'a', 'b', 'c'});
        out.flush();
        assertEquals(0x30, input.read());
        assertEquals(3, input.read());
        byte[] rest = new byte[3];
        assertEquals(3, input.readNBytes(rest, 0, 3));
        assertArrayEquals(new byte[] {'a', 'b', 'c'}, rest);

        // A read gives what has arrived without waiting for the buffer to fill (a PINGRESP).
        out.write(new byte[] {(byte) 0xD0, 0});
        out.flush();
        byte[] more = new byte[100];
        assertEquals(2, input.read(more, 0, more.length));
        assertEquals((byte) 0xD0, more[0]);
      }
    }
  }

  @Test
  void connectingFactoryMethodsAreTunedToo() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client =
            new TcpSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket peer = server.accept()) {
      assertTrue(client.getTcpNoDelay());
      assertInstanceOf(CorrelationDataGuard.class, client.getInputStream());
      peer.getOutputStream().write(new byte[] {0x20, 0});
      assertEquals(0x20, client.getInputStream().read());
    }
  }
}
