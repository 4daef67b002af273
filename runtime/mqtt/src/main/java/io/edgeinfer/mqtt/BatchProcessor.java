package io.edgeinfer.mqtt;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.InputValidator;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.core.codec.DecodedInput;
import io.edgeinfer.core.codec.Format;
import io.edgeinfer.core.codec.InputDecoder;
import io.edgeinfer.core.codec.RequestId;
import io.edgeinfer.core.codec.SignatureName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One worker's handling of a batch: decode every message (a bad one gets an error reply, the rest
 * go on), join the good ones into one tensor per input, predict once, split the outputs back, and
 * hand every reply to the sink in arrival order.
 */
final class BatchProcessor {
  private static final Logger LOG = Logger.getLogger(BatchProcessor.class.getName());
  private static final String INTERNAL_ERROR =
      "this message could not be handled (an internal error, reported in the service's log)";

  private final Predictor predictor;

  /** Inputs the predictor also takes as the model's own integers (a uint8 NPY image, say). */
  private final Map<String, DataType> rawInputTypes;

  private final Signature signature;
  private final PipelineSettings settings;
  private final ReplyEncoder encoder;
  private final ReplySink sink;
  private final Metrics metrics;
  private final ImageRequests images;
  private final ReplyPublishes publishes;

  BatchProcessor(
      Predictor predictor,
      Signature signature,
      PipelineSettings settings,
      ReplyEncoder encoder,
      ReplySink sink,
      Metrics metrics,
      ImageRequests images) {
    this.predictor = predictor;
    this.rawInputTypes = predictor.rawInputTypes();
    this.signature = signature;
    this.settings = settings;
    this.encoder = encoder;
    this.sink = sink;
    this.metrics = metrics;
    this.images = images;
    this.publishes = new ReplyPublishes(settings);
  }

  void process(List<InboundMessage> batch) {
    Reply[] replies;
    try {
      replies = answer(batch);
    } catch (RuntimeException | LinkageError | AssertionError e) {
      // A fault of ours, not of the messages: each gets an error reply, and the worker goes on.
      metrics.failures.incrementAndGet();
      LOG.log(
          Level.WARNING,
          "edgeinfer: unexpected failure handling "
              + batch.size()
              + " message(s), the first on "
              + batch.get(0).topic()
              + "; answered with an error",
          e);
      replies = new Reply[batch.size()];
      for (int i = 0; i < batch.size(); i++) {
        replies[i] = error(batch.get(i), null, INTERNAL_ERROR);
      }
    }
    for (Reply reply : replies) {
      deliver(reply);
    }
  }

  private Reply[] answer(List<InboundMessage> batch) {
    long started = System.nanoTime();
    List<Decoded> good = new ArrayList<>();
    Reply[] replies = new Reply[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      InboundMessage message = batch.get(i);
      String refused = refusal(message);
      if (refused != null) {
        replies[i] = error(message, null, refused);
        continue;
      }
      Reply image = imageReply(message, started);
      if (image != null) {
        replies[i] = image;
        continue;
      }
      try {
        good.add(new Decoded(i, message, decode(message)));
      } catch (IllegalArgumentException e) {
        replies[i] = error(message, RequestIds.find(message.payload()), e.getMessage());
      }
    }
    predictTogether(good, replies, started);
    metrics.batches.incrementAndGet();
    return replies;
  }

  /** Hands one reply on; a sink that throws loses no other reply, and the source is released. */
  private void deliver(Reply reply) {
    try {
      sink.deliver(reply);
    } catch (RuntimeException e) {
      metrics.failures.incrementAndGet();
      LOG.log(
          Level.WARNING,
          "edgeinfer: the reply for a message on "
              + reply.source().topic()
              + " was not handed over",
          e);
      reply.source().acknowledge().run();
    }
  }

  /** What is wrong with a message before it is decoded: its size, or where to answer it. */
  private String refusal(InboundMessage message) {
    if (message.problem() != null) {
      return message.problem();
    }
    if (message.payload().length > settings.maxPayloadBytes()) {
      return "expected a payload of at most "
          + settings.maxPayloadBytes()
          + " bytes, found "
          + message.payload().length;
    }
    return ReplyPublishes.refusal(message.route());
  }

  private DecodedInput decode(InboundMessage message) {
    Format format = settings.formats().of(message.contentType());
    // Checked before decoding, so a request for a signature the service cannot run is told so,
    // not given a shape error from being read as this one's inputs. (The model's other signatures
    // were routed to their own pipelines before this.)
    String named = SignatureName.peek(format, message.payload());
    if (named != null && !named.equals(signature.name())) {
      throw new IllegalArgumentException(
          "expected a signature of the model this service runs (default '"
              + signature.name()
              + "'), found a request for '"
              + named
              + "', which the model does not have or which could not be started (see the"
              + " service's log)");
    }
    DecodedInput decoded = InputDecoder.decode(format, message.payload(), signature, rawInputTypes);
    if (!settings.allowNonFinite()) {
      requireFinite(decoded.inputs());
    }
    return decoded;
  }

  private static void requireFinite(Map<String, Tensor> inputs) {
    for (Map.Entry<String, Tensor> entry : inputs.entrySet()) {
      Tensor tensor = entry.getValue();
      if (!tensor.dataType().isFloatingPoint()) {
        continue;
      }
      for (int i = 0; i < tensor.size(); i++) {
        double value = tensor.getDouble(i);
        if (!Double.isFinite(value)) {
          throw new IllegalArgumentException(
              "input '"
                  + entry.getKey()
                  + "': expected finite numbers, found "
                  + value
                  + " at element "
                  + i);
        }
      }
    }
  }

  /**
   * Joins the messages whose tensors fit the signature as they are; the rest (a model with a fixed
   * batch size, shapes that differ) are predicted one by one, which also finds their errors.
   */
  private void predictTogether(List<Decoded> good, Reply[] replies, long started) {
    List<Decoded> joinable = new ArrayList<>();
    for (Decoded item : good) {
      if (fitsAsIs(item.input.inputs()) && sameTrailingShapes(joinable, item)) {
        joinable.add(item);
      } else {
        predictAlone(item, replies, started);
      }
    }
    if (joinable.size() == 1) {
      predictAlone(joinable.get(0), replies, started);
    } else if (!joinable.isEmpty()) {
      predictJoined(joinable, replies, started);
    }
  }

  private boolean fitsAsIs(Map<String, Tensor> inputs) {
    try {
      InputValidator.validate(signature, inputs);
      return inputs.values().stream().allMatch(t -> t.shape().rank() > 0);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean sameTrailingShapes(List<Decoded> joined, Decoded item) {
    if (joined.isEmpty()) {
      return true;
    }
    Map<String, Tensor> first = joined.get(0).input.inputs();
    for (Map.Entry<String, Tensor> entry : item.input.inputs().entrySet()) {
      Tensor other = first.get(entry.getKey());
      if (other == null
          || other.dataType() != entry.getValue().dataType()
          || !other.shape().withFirstDim(0).equals(entry.getValue().shape().withFirstDim(0))) {
        return false;
      }
    }
    return true;
  }

  private void predictJoined(List<Decoded> items, Reply[] replies, long started) {
    Map<String, Tensor> joined = new LinkedHashMap<>();
    for (TensorSpec spec : signature.inputs()) {
      List<Tensor> parts = new ArrayList<>(items.size());
      items.forEach(item -> parts.add(item.input.inputs().get(spec.name())));
      joined.put(spec.name(), Tensor.concat(parts));
    }
    long predictStart = System.nanoTime();
    Map<String, Tensor> outputs;
    try {
      outputs = predictor.predict(joined);
    } catch (ModelException | IllegalArgumentException e) {
      // One message may have spoilt the batch: find which by predicting them one by one.
      items.forEach(item -> predictAlone(item, replies, started));
      return;
    }
    long predictEnd = System.nanoTime();
    int row = 0;
    for (Decoded item : items) {
      int rows = item.input.inputs().values().iterator().next().shape().dim(0);
      Map<String, Tensor> mine = slice(outputs, row, row + rows, joinedRows(joined));
      row += rows;
      if (mine == null) {
        predictAlone(item, replies, started);
      } else {
        replies[item.index] = prediction(item, mine, started, predictStart, predictEnd);
      }
    }
  }

  private static int joinedRows(Map<String, Tensor> joined) {
    return joined.values().iterator().next().shape().dim(0);
  }

  /** Each output's rows for one message, or null when an output has no batch dimension. */
  private static Map<String, Tensor> slice(
      Map<String, Tensor> outputs, int from, int to, int totalRows) {
    Map<String, Tensor> mine = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> entry : outputs.entrySet()) {
      Tensor tensor = entry.getValue();
      if (tensor.shape().rank() == 0 || tensor.shape().dim(0) != totalRows) {
        return null;
      }
      mine.put(entry.getKey(), tensor.slice(from, to));
    }
    return mine;
  }

  private void predictAlone(Decoded item, Reply[] replies, long started) {
    long predictStart = System.nanoTime();
    try {
      Map<String, Tensor> outputs = predictor.predict(item.input.inputs());
      replies[item.index] = prediction(item, outputs, started, predictStart, System.nanoTime());
    } catch (ModelException | IllegalArgumentException e) {
      replies[item.index] = error(item.message, item.input.id(), e.getMessage());
    }
  }

  private Reply prediction(
      Decoded item, Map<String, Tensor> outputs, long started, long predictStart, long predictEnd) {
    InboundMessage message = item.message;
    long now = System.nanoTime();
    byte[] payload =
        encoder.prediction(
            message.topic(),
            item.input.id(),
            item.input.columnar(),
            outputs,
            (started - message.receivedNanos()) / 1e6,
            (predictEnd - predictStart) / 1e6,
            (now - message.receivedNanos()) / 1e6);
    metrics.predicted.incrementAndGet();
    metrics.recordLatency(now - message.receivedNanos());
    return published(message, payload);
  }

  /**
   * An image's reply, predicted alone by the vision path; null when the message is no image (its
   * content type, or its first bytes when it has none).
   */
  private Reply imageReply(InboundMessage message, long started) {
    String text = ImageRequestIds.of(message);
    RequestId id = text == null ? null : RequestId.ofString(text);
    try {
      if (settings.formats().image(message.contentType(), message.payload()).isEmpty()) {
        return null;
      }
      byte[] payload = images.answer(message, started);
      metrics.predicted.incrementAndGet();
      metrics.recordLatency(System.nanoTime() - message.receivedNanos());
      return published(message, payload);
    } catch (IllegalArgumentException | ModelException e) {
      return error(message, id, e.getMessage());
    }
  }

  private Reply published(InboundMessage message, byte[] payload) {
    return new Reply(message, payload, publishes.prediction(message, payload), false);
  }

  private Reply error(InboundMessage message, RequestId id, String reason) {
    metrics.errors.incrementAndGet();
    byte[] payload = encoder.error(message.topic(), id, reason);
    return new Reply(message, payload, publishes.error(message, payload, reason), true);
  }

  /** A message that decoded, with its place in the batch. */
  private record Decoded(int index, InboundMessage message, DecodedInput input) {}
}
