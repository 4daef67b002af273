package io.edgeinfer.mqtt;

import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decodes, micro-batches, predicts and encodes on its own threads. Sources only call {@link
 * #offer}, which never blocks: Paho's callback thread must stay free (blocking it deadlocks the
 * client). A request naming another of the model's signatures goes to that signature's pipeline
 * ({@link SignatureRoutes}; the first such request waits while it starts).
 */
public final class Pipeline implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Pipeline.class.getName());
  private final List<BlockingQueue<InboundMessage>> queues = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final List<Predictor> predictors = new ArrayList<>();
  private final Metrics metrics;
  private final AtomicBoolean accepting = new AtomicBoolean(true);

  /** Set by {@link #drain}: workers finish what is queued, then end (never interrupted first). */
  private final AtomicBoolean draining = new AtomicBoolean();

  private final SignatureRoutes routes;

  public Pipeline(
      Model model,
      Signature signature,
      ModelInfo info,
      PipelineSettings settings,
      ReplySink sink,
      Metrics metrics)
      throws ModelException {
    this(model, signature, info, settings, sink, metrics, VisionSetup.DEFAULTS);
  }

  /** As above, with images answered as {@code vision} says. */
  public Pipeline(
      Model model,
      Signature signature,
      ModelInfo info,
      PipelineSettings settings,
      ReplySink sink,
      Metrics metrics,
      VisionSetup vision)
      throws ModelException {
    this.metrics = metrics;
    this.routes = new SignatureRoutes(this, model, signature, info, settings, sink, metrics);
    ReplyEncoder encoder = new ReplyEncoder(info, signature);
    VisionReplyEncoder visionEncoder = new VisionReplyEncoder(info);
    for (int i = 0; i < settings.threads(); i++) {
      Predictor predictor = model.predictor(signature.name());
      predictors.add(predictor);
      WarmUp.run(predictor, signature);
      BlockingQueue<InboundMessage> queue = new ArrayBlockingQueue<>(settings.queueCapacity());
      queues.add(queue);
      BatchProcessor processor =
          new BatchProcessor(
              predictor,
              signature,
              settings,
              encoder,
              sink,
              metrics,
              new ImageRequests(model, predictor, vision, visionEncoder));
      Thread thread =
          new Thread(
              new Worker(queue, processor, settings, metrics, draining), "edgeinfer-pipeline-" + i);
      thread.setDaemon(true);
      threads.add(thread);
    }
    metrics.queueDepth(this::queued);
    threads.forEach(Thread::start);
  }

  /**
   * Queues a message for its topic's worker; false when that queue is full or the pipeline is
   * shutting down (the caller reports it).
   */
  public boolean offer(InboundMessage message) {
    if (!accepting.get()) {
      return false;
    }
    Optional<Pipeline> other = routes.route(message);
    if (other.isPresent()) {
      return other.get().offer(message);
    }
    return queue(message);
  }

  private boolean queue(InboundMessage message) {
    int worker = Math.floorMod(message.topic().hashCode(), queues.size());
    boolean queued = queues.get(worker).offer(message);
    if (queued) {
      metrics.received.incrementAndGet();
    }
    return queued;
  }

  /** What {@link #offerNow} did with a message. */
  public enum Taken {
    /** Queued for its worker. */
    QUEUED,
    /** Its queue is full, or the pipeline no longer takes messages. */
    NO_ROOM,
    /** It names a signature whose pipeline has not started: {@link #offer} starts it. */
    MUST_START
  }

  /**
   * As {@link #offer(InboundMessage)}, but never waiting for anything: for Paho's callback thread,
   * which must not wait for a signature's pipeline to start.
   */
  Taken offerNow(InboundMessage message) {
    if (!accepting.get()) {
      return Taken.NO_ROOM;
    }
    SignatureRoutes.Route route = routes.routeNow(message);
    if (route.mustStart()) {
      return Taken.MUST_START;
    }
    if (route.other() != null) {
      return route.other().offerNow(message);
    }
    return queue(message) ? Taken.QUEUED : Taken.NO_ROOM;
  }

  /**
   * As {@link #offer(InboundMessage)}, waiting up to {@code timeout} for room in a full queue: the
   * MQTT intake waits here rather than refuse a QoS 1 message the broker would not resend until the
   * next session.
   */
  public boolean offer(InboundMessage message, Duration timeout) throws InterruptedException {
    if (!accepting.get()) {
      return false;
    }
    Optional<Pipeline> other = routes.route(message);
    if (other.isPresent()) {
      return other.get().offer(message, timeout);
    }
    int worker = Math.floorMod(message.topic().hashCode(), queues.size());
    boolean queued = queues.get(worker).offer(message, timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (queued) {
      metrics.received.incrementAndGet();
    }
    return queued;
  }

  /** Messages waiting in this pipeline's queues and in those of the other signatures. */
  int queued() {
    return queues.stream().mapToInt(BlockingQueue::size).sum() + routes.queued();
  }

  SignatureRoutes routes() {
    return routes;
  }

  /** Whether {@link #offer} still takes messages (false once the service drains). */
  public boolean isAccepting() {
    return accepting.get();
  }

  /**
   * Stops taking messages and lets the workers finish what is queued and hand its replies over,
   * then end. A worker is interrupted only if it is still busy at the timeout: an interrupt during
   * the outbox's fsync would close its file channel.
   */
  public void drain(Duration timeout) throws InterruptedException {
    accepting.set(false);
    routes.drain(timeout);
    draining.set(true);
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread thread : threads) {
      thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    for (Thread thread : threads) {
      if (thread.isAlive()) {
        LOG.warning("edgeinfer: " + thread.getName() + " is still busy after " + timeout);
        thread.interrupt();
      }
    }
  }

  @Override
  public void close() {
    try {
      drain(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    predictors.forEach(Predictor::close);
    routes.close();
  }

  /**
   * Takes a batch: the first message and everything queued behind it (what arrived while the last
   * batch ran). A message that came alone is predicted at once; when several came together, the
   * service is under load and the batch waits to fill until its first message has waited max-wait
   * since it arrived, so that one call serves more of them.
   */
  private static final class Worker implements Runnable {
    private static final long IDLE_CHECK_MILLIS = 100;

    private final BlockingQueue<InboundMessage> queue;
    private final BatchProcessor processor;
    private final PipelineSettings settings;
    private final Metrics metrics;
    private final AtomicBoolean stopping;

    Worker(
        BlockingQueue<InboundMessage> queue,
        BatchProcessor processor,
        PipelineSettings s,
        Metrics metrics,
        AtomicBoolean stopping) {
      this.queue = queue;
      this.processor = processor;
      this.settings = s;
      this.metrics = metrics;
      this.stopping = stopping;
    }

    /**
     * The processor answers every message, even on its own faults; should even that fail (out of
     * memory while building the error), the batch is let go and the worker lives on: one message
     * must never stop the service.
     */
    private void processOrAcknowledge(List<InboundMessage> batch) {
      try {
        processor.process(batch);
      } catch (RuntimeException | Error e) {
        metrics.failures.incrementAndGet();
        LOG.log(
            Level.SEVERE,
            "edgeinfer: "
                + batch.size()
                + " message(s) from "
                + batch.get(0).topic()
                + " could not be answered; the worker goes on",
            e);
        batch.forEach(message -> message.acknowledge().run());
      }
    }

    @Override
    public void run() {
      int maxBatch = settings.maxBatch();
      long maxWait = TimeUnit.MILLISECONDS.toNanos(settings.maxWaitMillis());
      List<InboundMessage> batch = new ArrayList<>(maxBatch);
      boolean draining = false;
      while (true) {
        try {
          if (draining || stopping.get()) {
            draining = true;
            queue.drainTo(batch, maxBatch);
            if (batch.isEmpty()) {
              return;
            }
          } else {
            InboundMessage first = queue.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            if (first == null) {
              continue; // idle: look whether the pipeline drains
            }
            batch.add(first);
            long deadline = first.receivedNanos() + maxWait;
            queue.drainTo(batch, maxBatch - batch.size());
            while (batch.size() > 1 && batch.size() < maxBatch) {
              InboundMessage next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
              if (next == null) {
                break;
              }
              batch.add(next);
              queue.drainTo(batch, maxBatch - batch.size());
            }
          }
        } catch (InterruptedException e) {
          // Drain timed out: finish the batch in hand and everything still queued, then stop.
          draining = true;
          queue.drainTo(batch, maxBatch - batch.size());
          if (batch.isEmpty()) {
            return;
          }
        }
        processOrAcknowledge(batch);
        batch.clear();
      }
    }
  }
}
