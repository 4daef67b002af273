package io.edgeinfer.mqtt;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics} in the Prometheus text format, on the JDK's own HTTP server, on the address
 * the operator chose (loopback unless told: the numbers say what a device does).
 */
final class MetricsHttpServer implements AutoCloseable {
  private final HttpServer server;

  MetricsHttpServer(String host, int port, Metrics metrics) throws IOException {
    server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext(
        "/metrics",
        exchange -> {
          byte[] body =
              StatusMessages.prometheus(metrics.snapshot()).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  String host() {
    return server.getAddress().getHostString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
