package io.edgeinfer.cli;

/**
 * Where {@code serve}'s metrics go.
 *
 * @param port the Prometheus endpoint's port (0: any free one), or null for none
 * @param bind the address it listens on
 * @param intervalSeconds how often metrics go to the status topic; 0 never
 */
record MetricsEndpoint(Integer port, String bind, int intervalSeconds) {
  MetricsEndpoint {
    if (port != null && (port < 0 || port > 65535)) {
      throw new IllegalArgumentException("--metrics-port: expected 0-65535, found " + port);
    }
    if (bind == null || bind.isBlank()) {
      throw new IllegalArgumentException("--metrics-bind: expected a host or address, found ''");
    }
    if (intervalSeconds < 0) {
      throw new IllegalArgumentException(
          "--metrics-interval: expected a whole number of seconds >= 0, found " + intervalSeconds);
    }
  }
}
