package io.edgeinfer.mqtt;

import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.codec.SignatureName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One loaded model serving all its signatures, as TF Serving does: a request whose JSON names
 * another of the model's signatures ({@code "signature_name"}) goes to a pipeline of that
 * signature, started on its first request (its own predictors and workers, the same settings, sink
 * and metrics). Requests naming no signature, or the served one, stay with the owner.
 */
final class SignatureRoutes {
  private static final Logger LOG = Logger.getLogger(SignatureRoutes.class.getName());

  private final Pipeline owner;
  private final Model model;
  private final Signature served;
  private final ModelInfo info;
  private final PipelineSettings settings;
  private final ReplySink sink;
  private final Metrics metrics;
  private final Map<String, Pipeline> others = new ConcurrentHashMap<>();
  private final Set<String> unservable = ConcurrentHashMap.newKeySet();
  private volatile boolean enabled = true;

  SignatureRoutes(
      Pipeline owner,
      Model model,
      Signature served,
      ModelInfo info,
      PipelineSettings settings,
      ReplySink sink,
      Metrics metrics) {
    this.owner = owner;
    this.model = model;
    this.served = served;
    this.info = info;
    this.settings = settings;
    this.sink = sink;
    this.metrics = metrics;
  }

  /**
   * The pipeline for the signature the message names, if it is another the model can serve; started
   * now if it has not been (which takes as long as loading a predictor and warming it up).
   */
  Optional<Pipeline> route(InboundMessage message) {
    Signature other = otherSignature(message);
    // Unknown names stay with the owner, whose processor answers with what it runs.
    return other == null
        ? Optional.empty()
        : Optional.ofNullable(others.computeIfAbsent(other.name(), n -> start(other)));
  }

  /**
   * As {@link #route}, but never starting anything: {@code mustStart} when the message's signature
   * has no pipeline yet (the caller then hands it to a thread that may wait for that).
   */
  Route routeNow(InboundMessage message) {
    Signature other = otherSignature(message);
    if (other == null) {
      return Route.OWNER;
    }
    Pipeline started = others.get(other.name());
    return started != null ? new Route(started, false) : Route.MUST_START;
  }

  /**
   * Where a message goes: the owner ({@code other} null), another started pipeline, or neither yet.
   */
  record Route(Pipeline other, boolean mustStart) {
    static final Route OWNER = new Route(null, false);
    static final Route MUST_START = new Route(null, true);
  }

  /** Another of the model's signatures that the message names and that can be served, or null. */
  private Signature otherSignature(InboundMessage message) {
    if (!enabled) {
      return null;
    }
    String named;
    try {
      if (settings.formats().image(message.contentType(), message.payload()).isPresent()) {
        return null; // an image names no signature
      }
      named = SignatureName.peek(settings.formats().of(message.contentType()), message.payload());
    } catch (IllegalArgumentException e) {
      return null; // an unreadable content type: the owner's processor answers it
    }
    if (named == null || named.equals(served.name()) || unservable.contains(named)) {
      return null;
    }
    return model.signatures().stream().filter(s -> s.name().equals(named)).findFirst().orElse(null);
  }

  /** A signature's pipeline; null (and remembered) when it cannot be started. */
  private Pipeline start(Signature signature) {
    try {
      Pipeline pipeline = new Pipeline(model, signature, info, settings, sink, metrics);
      pipeline.routes().enabled = false;
      // Its constructor pointed the queue-depth gauge at its own queues: point it back at all.
      metrics.queueDepth(owner::queued);
      return pipeline;
    } catch (ModelException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "edgeinfer: signature '" + signature.name() + "' cannot be served: " + e.getMessage(),
          e);
      unservable.add(signature.name());
      return null;
    }
  }

  /** Messages queued in the other signatures' pipelines. */
  int queued() {
    return others.values().stream().mapToInt(Pipeline::queued).sum();
  }

  void drain(Duration timeout) throws InterruptedException {
    enabled = false;
    for (Pipeline pipeline : others.values()) {
      pipeline.drain(timeout);
    }
  }

  void close() {
    enabled = false;
    others.values().forEach(Pipeline::close);
  }
}
