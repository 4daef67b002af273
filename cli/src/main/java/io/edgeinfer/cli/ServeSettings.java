package io.edgeinfer.cli;

import io.edgeinfer.mqtt.BrokerSettings;
import io.edgeinfer.mqtt.PayloadFormats;
import io.edgeinfer.mqtt.PipelineSettings;
import io.edgeinfer.mqtt.TopicTemplate;
import io.edgeinfer.profiles.DeviceProfile;
import io.edgeinfer.profiles.ServeTuning;
import java.nio.file.Path;
import java.util.List;
import javax.net.SocketFactory;

/**
 * Everything {@code serve} runs with, checked as a whole when made: each default resolved (the
 * profile's where the operator set nothing), each value in range, options that need each other
 * together. A record that exists can be served; what it refuses is a usage error naming the option.
 *
 * @param signature the signature to serve, or null for the model's default
 * @param profile the device profile asked for, or null
 * @param broker null when only a folder is watched
 * @param inputTopics filters to subscribe to (may be empty with {@code watchDir})
 * @param outbox where replies wait for the broker; null without a broker
 * @param watchDir a folder whose files are predicted, or null
 */
record ServeSettings(
    Path model,
    String signature,
    DeviceProfile profile,
    ServeTuning tuning,
    BrokerTarget broker,
    BrokerCredentials credentials,
    List<String> inputTopics,
    TopicTemplate outputTopic,
    TopicTemplate errorTopic,
    String statusTopic,
    int queueCapacity,
    PayloadFormats formats,
    int maxPayloadBytes,
    boolean allowNan,
    Path outbox,
    MetricsEndpoint metrics,
    Path watchDir) {

  ServeSettings {
    inputTopics = List.copyOf(inputTopics);
    if (model == null) {
      throw new IllegalArgumentException("expected --model (or model: in --config), found neither");
    }
    if (inputTopics.isEmpty() && watchDir == null) {
      throw new IllegalArgumentException(
          "expected at least one --input-topic or a --watch folder, found neither");
    }
    if (broker == null && !inputTopics.isEmpty()) {
      throw new IllegalArgumentException(
          "expected a --broker to read --input-topic from, found none");
    }
    if (broker != null) {
      credentials.requireTlsFor(broker);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException(
          "--queue-capacity: expected a whole number >= 1, found " + queueCapacity);
    }
    if (maxPayloadBytes < 1) {
      throw new IllegalArgumentException(
          "--max-payload-bytes: expected a whole number >= 1, found " + maxPayloadBytes);
    }
  }

  /** How the pipeline batches and replies. */
  PipelineSettings pipeline() {
    return new PipelineSettings(
        tuning.threads(),
        tuning.maxBatch(),
        tuning.maxWaitMs(),
        queueCapacity,
        maxPayloadBytes,
        allowNan,
        outputTopic,
        errorTopic,
        tuning.qos(),
        formats);
  }

  /** How the MQTT clients connect and what they subscribe to. */
  BrokerSettings brokerSettings(char[] password, SocketFactory sockets) {
    return new BrokerSettings(
        broker.clientUri(),
        credentials.clientId(),
        credentials.username(),
        password,
        sockets,
        inputTopics,
        tuning.qos(),
        statusTopic,
        metrics.intervalSeconds());
  }
}
