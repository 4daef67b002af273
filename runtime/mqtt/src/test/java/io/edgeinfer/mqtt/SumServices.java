package io.edgeinfer.mqtt;

import io.edgeinfer.core.ModelException;
import io.edgeinfer.mqtt.outbox.Outbox;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The service around a {@link SumModel}, as the tests start it against any broker. */
public final class SumServices {
  private SumServices() {}

  /** One worker, QoS 1, replies on {@code TOPIC/prediction}, errors on {@code TOPIC/error}. */
  public static PipelineSettings settings(int maxBatch, int maxWaitMillis) {
    return new PipelineSettings(
        1,
        maxBatch,
        maxWaitMillis,
        1000,
        1 << 20,
        false,
        TopicTemplate.parse("{topic}/prediction"),
        TopicTemplate.parse("{topic}/error"),
        1,
        new PayloadFormats(null));
  }

  /** Starts a service that reads {@code topics} on {@code uri}, its outbox in {@code outbox}. */
  public static MqttService start(
      String uri,
      String clientId,
      List<String> topics,
      Path outbox,
      SumModel model,
      ModelInfo info,
      Metrics metrics,
      PipelineSettings settings)
      throws ModelException, IOException {
    return start(
        broker(uri, clientId, topics, "edgeinfer-test/" + clientId + "/status"),
        outbox,
        info,
        metrics,
        sink -> new Pipeline(model, SumModel.SIGNATURE, info, settings, sink, metrics));
  }

  /** Plain TCP without credentials, QoS 1, the status on {@code statusTopic}. */
  public static BrokerSettings broker(
      String uri, String clientId, List<String> topics, String statusTopic) {
    return new BrokerSettings(uri, clientId, null, null, null, topics, 1, statusTopic, 0);
  }

  /**
   * Starts a service over the pipeline the test makes, its outbox in {@code outbox}, with a receive
   * maximum of 1000: the broker may send far more than a small queue holds.
   */
  public static MqttService start(
      BrokerSettings broker,
      Path outbox,
      ModelInfo info,
      Metrics metrics,
      MqttService.PipelineFactory pipeline)
      throws ModelException, IOException {
    return MqttService.start(
        broker, info, metrics, Outbox.open(outbox, 1000, 1 << 20), 1000, pipeline);
  }
}
