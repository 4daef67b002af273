package io.edgeinfer.examples.bench;

import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.vision.VisionOptions;
import io.edgeinfer.core.vision.VisionPipeline;
import io.edgeinfer.mqtt.BrokerSettings;
import io.edgeinfer.mqtt.Metrics;
import io.edgeinfer.mqtt.ModelInfo;
import io.edgeinfer.mqtt.PayloadFormats;
import io.edgeinfer.mqtt.PipelineSettings;
import io.edgeinfer.mqtt.ServiceRunner;
import io.edgeinfer.mqtt.TopicTemplate;
import io.edgeinfer.mqtt.outbox.Outbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Images per second through {@code serve} over MQTT with a JPEG payload, and the share of an
 * image's time spent decoding and preparing it. The service is the one {@code serve} runs ({@link
 * ServiceRunner}: one worker, QoS 1), the load a Paho client sending the same JPEG in a closed
 * loop; then, in process, the same image's decode, preprocessing and model times apart. Rounds
 * alternate so that a busy neighbour on a shared machine shows as spread, not as one skewed figure.
 *
 * <pre>
 * ImageServeBenchmark --model M.tflite --photo P.jpg [--labels L] [--broker tcp://127.0.0.1:1883]
 *     [--images 200] [--outstanding 4] [--rounds 3]
 * </pre>
 */
public final class ImageServeBenchmark {
  private ImageServeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path model = null;
    Path photo = null;
    Path labels = null;
    String broker = "tcp://127.0.0.1:1883";
    int images = 200;
    int outstanding = 4;
    int rounds = 3;
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      if (value == null) {
        throw new IllegalArgumentException("expected a value after " + args[i] + ", found none");
      }
      switch (args[i]) {
        case "--model" -> model = Path.of(value);
        case "--photo" -> photo = Path.of(value);
        case "--labels" -> labels = Path.of(value);
        case "--broker" -> broker = value;
        case "--images" -> images = Integer.parseInt(value);
        case "--outstanding" -> outstanding = Integer.parseInt(value);
        case "--rounds" -> rounds = Integer.parseInt(value);
        default ->
            throw new IllegalArgumentException(
                "expected --model, --photo, --labels, --broker, --images, --outstanding or"
                    + " --rounds, found "
                    + args[i]);
      }
    }
    if (model == null || photo == null) {
      throw new IllegalArgumentException("expected --model M.tflite and --photo P.jpg");
    }
    byte[] jpeg = Files.readAllBytes(photo);
    VisionOptions options =
        labels == null ? VisionOptions.DEFAULTS : VisionOptions.DEFAULTS.withLabels(labels);
    Environment environment = Environment.detect(broker);
    System.out.printf(
        Locale.ROOT,
        "%s, %d cores, background CPU %.0f%%, load %.2f; broker %s%n",
        environment.cpu(),
        environment.cores(),
        environment.backgroundCpu() * 100,
        environment.loadAverage(),
        environment.broker());
    System.out.printf(
        Locale.ROOT,
        "model %s, photo %s (%d bytes), %d images per round, %d outstanding%n",
        model.getFileName(),
        photo.getFileName(),
        jpeg.length,
        images,
        outstanding);
    List<String> lines = new ArrayList<>();
    try (Model loaded = Engines.load(model, LoadOptions.DEFAULTS);
        Predictor predictor = loaded.predictor()) {
      VisionPipeline pipeline = VisionPipeline.of(loaded, predictor, options);
      System.out.println("task " + pipeline.task() + ": " + pipeline.run(jpeg).toJson());
      Path outbox = Files.createTempDirectory("image-bench-outbox");
      String clientId = "image-bench-" + UUID.randomUUID().toString().substring(0, 8);
      String topic = "bench/" + clientId + "/camera";
      PipelineSettings settings =
          new PipelineSettings(
              1,
              8,
              2,
              1000,
              8 << 20,
              false,
              TopicTemplate.parse("{topic}/prediction"),
              TopicTemplate.parse("{topic}/error"),
              1,
              new PayloadFormats(null));
      try (ServiceRunner service =
              ServiceRunner.builder(
                      loaded,
                      predictor.signature(),
                      new ModelInfo(
                          model.getFileName().toString(), "bench", loaded.engine(), List.of()),
                      settings,
                      new Metrics())
                  .broker(
                      new BrokerSettings(
                          broker,
                          clientId,
                          null,
                          null,
                          null,
                          List.of(topic),
                          1,
                          "bench/" + clientId + "/status",
                          0),
                      Outbox.open(outbox, 10_000, 64 << 20))
                  .vision(options)
                  .start();
          ImageLoad load = new ImageLoad(broker, topic, outstanding)) {
        System.out.println("serving " + service.describe());
        load.run(jpeg, Math.max(20, images / 4)); // warm-up: JIT, ImageIO, the model's first calls
        for (int round = 1; round <= rounds; round++) {
          ImageLoad.Result mqtt = load.run(jpeg, images);
          DecodeShare share = DecodeShare.measure(pipeline, jpeg, 5, Math.max(10, images / 4));
          String line =
              String.format(
                  Locale.ROOT,
                  "round %d: MQTT %.1f images/s (reply says decode %.1f ms, prepare+model %.1f ms,"
                      + " receive-to-reply %.1f ms); in process decode %.1f ms + prepare %.1f ms +"
                      + " model %.1f ms = %.1f ms, decode+prepare %.0f%%",
                  round,
                  mqtt.imagesPerSecond(),
                  mqtt.decodeMs(),
                  mqtt.inferenceMs(),
                  mqtt.totalMs(),
                  share.decodeMs(),
                  share.preprocessMs(),
                  share.modelMs(),
                  share.totalMs(),
                  share.share() * 100);
          System.out.println(line);
          lines.add(line);
        }
      }
    }
    System.out.println(lines.size() + " rounds done");
    System.exit(0); // Paho's and the outbox's daemon threads do not hold the JVM, Artemis' might
  }
}
