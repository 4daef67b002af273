package io.edgeinfer.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets tuned for Paho: Nagle's algorithm off, and a buffered input stream. Paho leaves
 * Nagle on, so a small reply waited for the previous one's ACK (with it off, the echo relay's p50
 * went from 9 ms to 2 ms here). And Paho reads a packet's fixed header byte by byte from the
 * socket's own stream: four read system calls per message received, where a buffer takes every
 * packet that has arrived in one. The stream also guards Paho against correlation data it cannot
 * read ({@link CorrelationDataGuard}).
 */
public final class TcpSocketFactory extends SocketFactory {
  private static final int INPUT_BUFFER_BYTES = 16 * 1024;

  private final ReadGate gate;

  /** Sockets that read as fast as the broker sends. */
  public TcpSocketFactory() {
    this(ReadGate.OPEN);
  }

  /** Sockets that hold their reading before a PUBLISH while {@code gate} is shut. */
  TcpSocketFactory(ReadGate gate) {
    this.gate = gate;
  }

  @Override
  public Socket createSocket() throws IOException {
    return tuned(new BufferedInputSocket(gate));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return tuned(new BufferedInputSocket(gate, host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return tuned(new BufferedInputSocket(gate, host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return tuned(new BufferedInputSocket(gate, host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return tuned(new BufferedInputSocket(gate, address, port, localAddress, localPort));
  }

  private static Socket tuned(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }

  /**
   * A socket whose input stream is one buffered stream. A read returns what has arrived without
   * waiting to fill the buffer, and a read timeout loses no bytes, so Paho's reading is unchanged.
   */
  private static final class BufferedInputSocket extends Socket {
    private final ReadGate gate;
    private InputStream input;

    BufferedInputSocket(ReadGate gate) {
      this.gate = gate;
    }

    BufferedInputSocket(ReadGate gate, String host, int port) throws IOException {
      super(host, port);
      this.gate = gate;
    }

    BufferedInputSocket(ReadGate gate, String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      super(host, port, localHost, localPort);
      this.gate = gate;
    }

    BufferedInputSocket(ReadGate gate, InetAddress host, int port) throws IOException {
      super(host, port);
      this.gate = gate;
    }

    BufferedInputSocket(
        ReadGate gate, InetAddress host, int port, InetAddress localHost, int localPort)
        throws IOException {
      super(host, port, localHost, localPort);
      this.gate = gate;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (input == null) {
        input =
            new CorrelationDataGuard(
                new BufferedInputStream(super.getInputStream(), INPUT_BUFFER_BYTES),
                gate,
                this::isClosed);
      }
      return input;
    }
  }
}
