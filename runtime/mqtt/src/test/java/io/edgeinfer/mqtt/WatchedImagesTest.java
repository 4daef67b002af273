package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.vision.VisionOptions;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --watch} with images and no broker: each image's result JSON beside it, a
 * segmentation's mask PNG beside it too (and not taken as a new input), a corrupt image's one-line
 * error.
 */
class WatchedImagesTest {
  @TempDir Path dir;

  private ServiceRunner start(ColourModel model, Path watched, String... labels) throws Exception {
    Path labelsFile = dir.resolve("labels.txt");
    Files.writeString(labelsFile, String.join("\n", labels) + "\n");
    return ServiceRunner.builder(
            model,
            model.signatures().get(0),
            new ModelInfo(model.path().toString(), "1", "java", List.of()),
            SumServices.settings(8, 0),
            new Metrics())
        .watch(watched)
        .vision(VisionOptions.DEFAULTS.withLabels(labelsFile))
        .start();
  }

  private static void awaitFile(Path file) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!Files.exists(file)) {
      assertTrue(System.nanoTime() < deadline, "no " + file);
      Thread.sleep(50);
    }
  }

  @Test
  void aWatchedImageGetsTheResultJsonAndItsMaskBesideIt() throws Exception {
    Path watched = Files.createDirectories(dir.resolve("in"));
    try (ServiceRunner runner = start(ColourModel.segmenter(), watched, "background", "red")) {
      assertTrue(runner.describe().contains("watching " + watched), runner.describe());
      Files.write(watched.resolve("door.png"), ImagePayloadsTest.picture("png", 8));
      Path prediction = watched.resolve("door.png.prediction.json");
      awaitFile(prediction);
      String json = Files.readString(prediction);
      assertTrue(
          json.contains(
              "\"task\":\"segment\",\"image\":{\"width\":16,\"height\":12},"
                  + "\"mask\":\"door.png.mask.png\",\"pixels\":{"),
          json);
      assertFalse(json.contains("mask_png_base64"), json);
      BufferedImage mask = ImageIO.read(watched.resolve("door.png.mask.png").toFile());
      assertEquals(16, mask.getWidth());
      assertEquals(12, mask.getHeight());
      // A marker after the mask: once its answer is there, the mask would have had one too.
      Files.writeString(watched.resolve("z.json"), "[]");
      awaitFile(watched.resolve("z.json.error.json"));
      assertFalse(Files.exists(watched.resolve("door.png.mask.png.prediction.json")));
      assertFalse(Files.exists(watched.resolve("door.png.mask.png.error.json")));
    }
  }

  @Test
  void aCorruptWatchedImageGetsAOneLineError() throws Exception {
    Path watched = Files.createDirectories(dir.resolve("in"));
    try (ServiceRunner runner = start(ColourModel.classifier(), watched, "red", "green", "blue")) {
      assertTrue(runner.describe().contains("watching " + watched), runner.describe());
      Files.writeString(watched.resolve("bad.jpg"), "not a picture");
      Path error = watched.resolve("bad.jpg.error.json");
      awaitFile(error);
      String json = Files.readString(error);
      assertEquals(1, json.lines().count(), json);
      assertTrue(
          json.startsWith(
              "{\"error\":\"expected a PNG, JPEG or BMP image, found 'not a pi' at byte 0\","
                  + "\"topic\":\"file/bad.jpg\""),
          json);
      Files.write(watched.resolve("good.jpg"), ImagePayloadsTest.picture("jpeg", 16));
      Path good = watched.resolve("good.jpg.prediction.json");
      awaitFile(good);
      assertTrue(
          Files.readString(good).contains("\"classes\":[{\"label\":\"red\",\"index\":0,"),
          Files.readString(good));
    }
  }
}
