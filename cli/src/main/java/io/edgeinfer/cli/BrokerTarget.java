package io.edgeinfer.cli;

/**
 * The broker {@code serve} talks to: a URL, or an in-process broker listening at {@code embedded}.
 *
 * @param clientUri where the service's own clients connect ({@code tcp://} or {@code ssl://})
 * @param embedded where the in-process broker listens; null for a broker of its own
 */
record BrokerTarget(String clientUri, EmbeddedAddress embedded) {
  static final String DEFAULT = "tcp://127.0.0.1:1883";

  /**
   * Parses {@code --broker}: {@code tcp://…}, {@code ssl://…} or {@code embedded[:[HOST:]PORT]}.
   */
  static BrokerTarget parse(String value) {
    if (value.startsWith("embedded")) {
      EmbeddedAddress address = EmbeddedAddress.parse(value);
      return new BrokerTarget(address.clientUri(), address);
    }
    if (!value.startsWith("tcp://") && !value.startsWith("ssl://")) {
      throw new IllegalArgumentException(
          "--broker: expected tcp://HOST:PORT, ssl://HOST:PORT or embedded[:[HOST:]PORT], found '"
              + value
              + "'");
    }
    return new BrokerTarget(value, null);
  }

  boolean tls() {
    return clientUri.startsWith("ssl://");
  }
}
