package io.edgeinfer.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A TLS socket whose decrypted input passes through {@link CorrelationDataGuard}, as plain TCP's
 * does ({@link TcpSocketFactory}): Paho needs an {@link SSLSocket} (it sets SSL parameters, starts
 * the handshake and checks the session itself), and only the socket that decrypts can hand out the
 * stream the guard must read. Everything is the JDK socket's; this object holds no connection of
 * its own.
 */
final class GuardedSslSocket extends SSLSocket {
  private final SSLSocket tls;
  private final ReadGate gate;
  private InputStream input;

  GuardedSslSocket(SSLSocket tls, ReadGate gate) {
    this.tls = tls;
    this.gate = gate;
  }

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (input == null) {
      input = new CorrelationDataGuard(tls.getInputStream(), gate, tls::isClosed);
    }
    return input;
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    return tls.getOutputStream();
  }

  // The connection: the JDK socket's.

  @Override
  public void connect(SocketAddress endpoint) throws IOException {
    tls.connect(endpoint);
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    tls.connect(endpoint, timeout);
  }

  @Override
  public void bind(SocketAddress bindpoint) throws IOException {
    tls.bind(bindpoint);
  }

  @Override
  public void close() throws IOException {
    tls.close();
  }

  @Override
  public void shutdownInput() throws IOException {
    tls.shutdownInput();
  }

  @Override
  public void shutdownOutput() throws IOException {
    tls.shutdownOutput();
  }

  @Override
  public boolean isConnected() {
    return tls.isConnected();
  }

  @Override
  public boolean isBound() {
    return tls.isBound();
  }

  @Override
  public boolean isClosed() {
    return tls.isClosed();
  }

  @Override
  public boolean isInputShutdown() {
    return tls.isInputShutdown();
  }

  @Override
  public boolean isOutputShutdown() {
    return tls.isOutputShutdown();
  }

  @Override
  public InetAddress getInetAddress() {
    return tls.getInetAddress();
  }

  @Override
  public InetAddress getLocalAddress() {
    return tls.getLocalAddress();
  }

  @Override
  public int getPort() {
    return tls.getPort();
  }

  @Override
  public int getLocalPort() {
    return tls.getLocalPort();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    return tls.getRemoteSocketAddress();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return tls.getLocalSocketAddress();
  }

  @Override
  public SocketChannel getChannel() {
    return tls.getChannel();
  }

  @Override
  public void setTcpNoDelay(boolean on) throws SocketException {
    tls.setTcpNoDelay(on);
  }

  @Override
  public boolean getTcpNoDelay() throws SocketException {
    return tls.getTcpNoDelay();
  }

  @Override
  public void setSoTimeout(int timeout) throws SocketException {
    tls.setSoTimeout(timeout);
  }

  @Override
  public int getSoTimeout() throws SocketException {
    return tls.getSoTimeout();
  }

  @Override
  public void setKeepAlive(boolean on) throws SocketException {
    tls.setKeepAlive(on);
  }

  @Override
  public boolean getKeepAlive() throws SocketException {
    return tls.getKeepAlive();
  }

  @Override
  public void setSoLinger(boolean on, int linger) throws SocketException {
    tls.setSoLinger(on, linger);
  }

  @Override
  public int getSoLinger() throws SocketException {
    return tls.getSoLinger();
  }

  @Override
  public void setSendBufferSize(int size) throws SocketException {
    tls.setSendBufferSize(size);
  }

  @Override
  public int getSendBufferSize() throws SocketException {
    return tls.getSendBufferSize();
  }

  @Override
  public void setReceiveBufferSize(int size) throws SocketException {
    tls.setReceiveBufferSize(size);
  }

  @Override
  public int getReceiveBufferSize() throws SocketException {
    return tls.getReceiveBufferSize();
  }

  @Override
  public void setReuseAddress(boolean on) throws SocketException {
    tls.setReuseAddress(on);
  }

  @Override
  public boolean getReuseAddress() throws SocketException {
    return tls.getReuseAddress();
  }

  @Override
  public <T> java.net.Socket setOption(SocketOption<T> name, T value) throws IOException {
    tls.setOption(name, value);
    return this;
  }

  @Override
  public <T> T getOption(SocketOption<T> name) throws IOException {
    return tls.getOption(name);
  }

  @Override
  public java.util.Set<SocketOption<?>> supportedOptions() {
    return tls.supportedOptions();
  }

  @Override
  public String toString() {
    return "guarded " + tls;
  }

  // TLS: the JDK socket's.

  @Override
  public String[] getSupportedCipherSuites() {
    return tls.getSupportedCipherSuites();
  }

  @Override
  public String[] getEnabledCipherSuites() {
    return tls.getEnabledCipherSuites();
  }

  @Override
  public void setEnabledCipherSuites(String[] suites) {
    tls.setEnabledCipherSuites(suites);
  }

  @Override
  public String[] getSupportedProtocols() {
    return tls.getSupportedProtocols();
  }

  @Override
  public String[] getEnabledProtocols() {
    return tls.getEnabledProtocols();
  }

  @Override
  public void setEnabledProtocols(String[] protocols) {
    tls.setEnabledProtocols(protocols);
  }

  @Override
  public SSLSession getSession() {
    return tls.getSession();
  }

  @Override
  public SSLSession getHandshakeSession() {
    return tls.getHandshakeSession();
  }

  @Override
  public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
    tls.addHandshakeCompletedListener(listener);
  }

  @Override
  public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
    tls.removeHandshakeCompletedListener(listener);
  }

  @Override
  public void startHandshake() throws IOException {
    tls.startHandshake();
  }

  @Override
  public void setUseClientMode(boolean mode) {
    tls.setUseClientMode(mode);
  }

  @Override
  public boolean getUseClientMode() {
    return tls.getUseClientMode();
  }

  @Override
  public void setNeedClientAuth(boolean need) {
    tls.setNeedClientAuth(need);
  }

  @Override
  public boolean getNeedClientAuth() {
    return tls.getNeedClientAuth();
  }

  @Override
  public void setWantClientAuth(boolean want) {
    tls.setWantClientAuth(want);
  }

  @Override
  public boolean getWantClientAuth() {
    return tls.getWantClientAuth();
  }

  @Override
  public void setEnableSessionCreation(boolean flag) {
    tls.setEnableSessionCreation(flag);
  }

  @Override
  public boolean getEnableSessionCreation() {
    return tls.getEnableSessionCreation();
  }

  @Override
  public SSLParameters getSSLParameters() {
    return tls.getSSLParameters();
  }

  @Override
  public void setSSLParameters(SSLParameters params) {
    tls.setSSLParameters(params);
  }

  @Override
  public String getApplicationProtocol() {
    return tls.getApplicationProtocol();
  }

  @Override
  public String getHandshakeApplicationProtocol() {
    return tls.getHandshakeApplicationProtocol();
  }

  @Override
  public void setHandshakeApplicationProtocolSelector(
      BiFunction<SSLSocket, List<String>, String> selector) {
    tls.setHandshakeApplicationProtocolSelector(selector);
  }

  @Override
  public BiFunction<SSLSocket, List<String>, String> getHandshakeApplicationProtocolSelector() {
    return tls.getHandshakeApplicationProtocolSelector();
  }
}
