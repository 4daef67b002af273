package io.edgeinfer.mqtt;

/**
 * An MQTT v5 broker inside the edgeinfer process, for a board that has no other. Implementations
 * live in an optional module (found with {@link java.util.ServiceLoader}), so that the edge
 * distribution does not carry one.
 */
public interface EmbeddedBroker extends AutoCloseable {
  /** Starts listening on {@code host:port}; returns once clients can connect. */
  void start(String host, int port) throws Exception;

  /** The library behind it, for logs and {@code --version}. */
  String description();

  @Override
  void close();
}
