package io.edgeinfer.mqtt;

import java.util.List;
import javax.net.SocketFactory;

/**
 * How to reach the broker and what to subscribe to.
 *
 * @param uri {@code tcp://host:port} or {@code ssl://host:port}
 * @param password null when the broker needs none; read from a file or the environment, never
 *     logged
 * @param socketFactory for {@code ssl://}, made from the CA, certificate and key files; else null
 * @param inputTopics filters, with wildcards and {@code $share/GROUP/...} allowed
 * @param statusTopic retained {@code online}/{@code offline} state; metrics go to {@code
 *     STATUS/metrics}
 */
public record BrokerSettings(
    String uri,
    String clientId,
    String username,
    char[] password,
    SocketFactory socketFactory,
    List<String> inputTopics,
    int inputQos,
    String statusTopic,
    int metricsIntervalSeconds) {

  public BrokerSettings {
    inputTopics = List.copyOf(inputTopics);
    if (!uri.startsWith("tcp://") && !uri.startsWith("ssl://")) {
      throw new IllegalArgumentException(
          "expected a broker URL tcp://HOST:PORT or ssl://HOST:PORT (or 'embedded'), found '"
              + uri
              + "'");
    }
    if (inputQos < 0 || inputQos > 2) {
      throw new IllegalArgumentException("expected a QoS of 0, 1 or 2, found " + inputQos);
    }
  }

  @Override
  public String toString() {
    // Never print the password.
    return "BrokerSettings[" + uri + ", client " + clientId + ", topics " + inputTopics + "]";
  }
}
