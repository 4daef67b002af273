package io.edgeinfer.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The retained device state and the periodic metrics, as JSON. */
final class StatusMessages {
  private static final JsonFactory JSON = new JsonFactory();

  private StatusMessages() {}

  static byte[] state(String state, ModelInfo model, String clientId) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      json.writeStringField("state", state);
      json.writeStringField("client_id", clientId);
      json.writeStringField("model", model.name());
      json.writeStringField("model_version", model.version());
      json.writeStringField("engine", model.engine());
      json.writeStringField("since", Instant.now().toString());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] metrics(Metrics.Snapshot s, String clientId) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      json.writeStringField("client_id", clientId);
      json.writeNumberField("received", s.received());
      json.writeNumberField("predicted", s.predicted());
      json.writeNumberField("errors", s.errors());
      json.writeNumberField("dropped", s.dropped());
      json.writeNumberField("batches", s.batches());
      json.writeNumberField("outboxed", s.outboxed());
      json.writeNumberField("refused", s.refused());
      json.writeNumberField("dead_lettered", s.deadLettered());
      json.writeNumberField("failures", s.failures());
      json.writeNumberField("outbox_full_waits", s.outboxFullWaits());
      json.writeNumberField("queue_depth", s.queueDepth());
      json.writeNumberField("outbox_depth", s.outboxDepth());
      json.writeNumberField("latency_p50_ms", s.latencyP50Ms());
      json.writeNumberField("latency_p99_ms", s.latencyP99Ms());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The same numbers in the Prometheus text format. */
  static String prometheus(Metrics.Snapshot s) {
    StringBuilder text = new StringBuilder();
    counter(
        text, "edgeinfer_messages_received_total", "Messages taken from the broker.", s.received());
    counter(text, "edgeinfer_predictions_total", "Predictions replied.", s.predicted());
    counter(text, "edgeinfer_errors_total", "Messages answered with an error.", s.errors());
    counter(
        text, "edgeinfer_dropped_total", "Messages dropped (queue full at QoS 0).", s.dropped());
    counter(text, "edgeinfer_batches_total", "Model calls.", s.batches());
    counter(text, "edgeinfer_outboxed_total", "Replies written to the outbox.", s.outboxed());
    counter(
        text,
        "edgeinfer_refused_total",
        "QoS 1/2 messages left unacknowledged for the broker to send again.",
        s.refused());
    counter(
        text,
        "edgeinfer_dead_lettered_total",
        "Replies the broker refused, kept in the dead-letter folder.",
        s.deadLettered());
    counter(
        text,
        "edgeinfer_failures_total",
        "Unexpected faults handling a message (answered with an error).",
        s.failures());
    counter(
        text,
        "edgeinfer_outbox_full_waits_total",
        "Times a reply waited for room in a full outbox.",
        s.outboxFullWaits());
    gauge(text, "edgeinfer_queue_depth", "Messages waiting for a worker.", s.queueDepth());
    gauge(text, "edgeinfer_outbox_depth", "Replies waiting in the outbox.", s.outboxDepth());
    text.append("# HELP edgeinfer_latency_seconds Receive-to-reply latency of recent messages.\n");
    text.append("# TYPE edgeinfer_latency_seconds summary\n");
    text.append("edgeinfer_latency_seconds{quantile=\"0.5\"} ")
        .append(s.latencyP50Ms() / 1000)
        .append('\n');
    text.append("edgeinfer_latency_seconds{quantile=\"0.99\"} ")
        .append(s.latencyP99Ms() / 1000)
        .append('\n');
    return text.toString();
  }

  private static void counter(StringBuilder text, String name, String help, long value) {
    text.append("# HELP ").append(name).append(' ').append(help).append('\n');
    text.append("# TYPE ").append(name).append(" counter\n");
    text.append(name).append(' ').append(value).append('\n');
  }

  private static void gauge(StringBuilder text, String name, String help, long value) {
    text.append("# HELP ").append(name).append(' ').append(help).append('\n');
    text.append("# TYPE ").append(name).append(" gauge\n");
    text.append(name).append(' ').append(value).append('\n');
  }
}
