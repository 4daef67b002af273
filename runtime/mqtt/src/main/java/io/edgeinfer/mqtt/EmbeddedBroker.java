package io.edgeinfer.mqtt;

/**
 * An MQTT v5 broker inside the edgeinfer process, for a board that has no other. Implementations
 * live in an optional module (found with {@link java.util.ServiceLoader}), so that the edge
 * distribution does not carry one.
 */
public interface EmbeddedBroker extends AutoCloseable {
  /**
   * The broker this distribution carries.
   *
   * @throws IllegalStateException naming what to do instead when it carries none
   */
  static EmbeddedBroker installed() {
    for (EmbeddedBroker broker : java.util.ServiceLoader.load(EmbeddedBroker.class)) {
      return broker;
    }
    throw new IllegalStateException(
        "expected an embedded broker in this distribution, found none: install Mosquitto"
            + " (apt install mosquitto) and use --broker tcp://127.0.0.1:1883");
  }

  /** Starts listening on {@code host:port}; returns once clients can connect. */
  void start(String host, int port) throws Exception;

  /** The library behind it, for logs and {@code --version}. */
  String description();

  @Override
  void close();
}
