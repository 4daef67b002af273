package io.edgeinfer.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Nagle off ({@link TcpSocketFactory}) for TLS, and the decrypted input guarded against correlation
 * data Paho cannot read ({@link GuardedSslSocket}): Paho accepts only an {@link SSLSocketFactory}
 * for {@code ssl://} brokers, so the TLS factory is wrapped as one.
 */
final class NoDelaySslSocketFactory extends SSLSocketFactory {
  private final SSLSocketFactory delegate;
  private final ReadGate gate;

  NoDelaySslSocketFactory(SSLSocketFactory delegate) {
    this(delegate, ReadGate.OPEN);
  }

  /** As above, holding each socket's reading before a PUBLISH while {@code gate} is shut. */
  NoDelaySslSocketFactory(SSLSocketFactory delegate, ReadGate gate) {
    this.delegate = delegate;
    this.gate = gate;
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose)
      throws IOException {
    socket.setTcpNoDelay(true);
    return guarded(delegate.createSocket(socket, host, port, autoClose));
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(delegate.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return noDelay(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(delegate.createSocket(address, port, localAddress, localPort));
  }

  private Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return guarded(socket);
  }

  private Socket guarded(Socket socket) {
    return socket instanceof SSLSocket tls ? new GuardedSslSocket(tls, gate) : socket;
  }
}
