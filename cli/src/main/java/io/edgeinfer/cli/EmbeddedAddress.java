package io.edgeinfer.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Where {@code --broker embedded[:[HOST:]PORT]} listens: loopback port 1883 unless told. The
 * embedded broker is anonymous, so it reaches other machines only when the operator names an
 * address that does.
 */
record EmbeddedAddress(String host, int port) {
  static final String LOOPBACK = "127.0.0.1";

  /** Parses {@code embedded}, {@code embedded:PORT} or {@code embedded:HOST:PORT}. */
  static EmbeddedAddress parse(String value) {
    if (value.equals("embedded")) {
      return new EmbeddedAddress(LOOPBACK, 1883);
    }
    String rest = value.startsWith("embedded:") ? value.substring("embedded:".length()) : null;
    int colon = rest == null ? -1 : rest.lastIndexOf(':');
    String host = colon < 0 ? LOOPBACK : rest.substring(0, colon);
    try {
      int port = Integer.parseInt(colon < 0 ? String.valueOf(rest) : rest.substring(colon + 1));
      if (port < 1 || port > 65535 || host.isEmpty()) {
        throw new NumberFormatException();
      }
      return new EmbeddedAddress(host, port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "expected --broker embedded, embedded:PORT or embedded:HOST:PORT (PORT 1-65535), found '"
              + value
              + "'");
    }
  }

  /** The URL the service's own clients connect to. */
  String clientUri() {
    String target = host.equals("0.0.0.0") ? LOOPBACK : host.equals("::") ? "[::1]" : host;
    return "tcp://"
        + (target.contains(":") && !target.startsWith("[") ? "[" + target + "]" : target)
        + ":"
        + port;
  }

  /**
   * Fails with one line when the port is taken: the broker would otherwise print pages of traces
   * and give up after 10 s.
   */
  void requireFree() {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "expected a free port for the embedded broker, found "
              + host
              + ":"
              + port
              + " taken ("
              + e.getMessage()
              + "); is another broker running there? Use --broker tcp://"
              + host
              + ":"
              + port
              + " to use it, or --broker embedded:PORT for another port");
    }
  }
}
