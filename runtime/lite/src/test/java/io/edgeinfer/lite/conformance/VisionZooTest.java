package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.TensorMetadata;
import io.edgeinfer.core.image.RgbImage;
import io.edgeinfer.core.vision.Box;
import io.edgeinfer.core.vision.Category;
import io.edgeinfer.core.vision.Classification;
import io.edgeinfer.core.vision.Detection;
import io.edgeinfer.core.vision.Detections;
import io.edgeinfer.core.vision.Segmentation;
import io.edgeinfer.core.vision.VisionOptions;
import io.edgeinfer.core.vision.VisionPipeline;
import io.edgeinfer.core.vision.VisionResult;
import io.edgeinfer.core.vision.VisionTask;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Google's models on Google's photos through the vision pipeline, as {@code predict --input IMAGE}
 * runs them: decoding, preprocessing from the model's metadata, and the answer read back. What
 * Google's Task Library tests state is asserted where they state it for a model and photo we have;
 * otherwise what a person sees in the photo.
 */
class VisionZooTest {
  private static final String FLOAT = "mobilenet_v1_0.25_224_1_metadata_1.tflite";
  private static final String QUANT =
      "mobilenet_v1_0.25_224_quant_without_subgraph_metadata.tflite";
  private static final int CHEESEBURGER = 934;

  private static VisionResult run(String model, String photo, VisionOptions options)
      throws Exception {
    return run(model, Files.readAllBytes(Zoo.file(photo)), options);
  }

  private static VisionResult run(String model, byte[] photo, VisionOptions options)
      throws Exception {
    try (Model m = Engines.load(Zoo.file(model), LoadOptions.DEFAULTS);
        Predictor p = m.predictor()) {
      return VisionPipeline.of(m, p, options).run(photo);
    }
  }

  @Test
  void metadataGivesTheNormalizationAndThePackedLabels() throws Exception {
    try (Model m = Engines.load(Zoo.file(FLOAT), LoadOptions.DEFAULTS);
        Predictor p = m.predictor()) {
      String input = p.signature().inputs().get(0).name();
      String output = p.signature().outputs().get(0).name();
      TensorMetadata in = m.inputMetadata(p.signature().name(), input).orElseThrow();
      assertEquals(List.of(127.5f), in.mean());
      assertEquals(List.of(127.5f), in.std());
      TensorMetadata out = m.outputMetadata(p.signature().name(), output).orElseThrow();
      assertEquals(List.of("labels.txt"), out.axisLabels());
      String labels = new String(m.packedFile("labels.txt").orElseThrow(), "UTF-8");
      assertEquals(1001, labels.lines().count());
      assertEquals("cheeseburger", labels.lines().skip(CHEESEBURGER).findFirst().orElseThrow());
      assertEquals(Optional.empty(), m.packedFile("absent.txt"));
      VisionPipeline pipeline = VisionPipeline.of(m, p, VisionOptions.DEFAULTS);
      assertEquals(
          "(pixel - 127.5) / 127.5 from model metadata", pipeline.describe().get("normalization"));
      assertEquals(
          "labels.txt packed in the model (1001 labels)", pipeline.describe().get("labels"));
    }
  }

  @Test
  void floatMobileNetCallsTheBurgerACheeseburger() throws Exception {
    Classification result =
        (Classification) run(FLOAT, "burger_crop.jpg", VisionOptions.DEFAULTS.withTopK(3));
    Category top = result.classes().get(0);
    assertEquals("cheeseburger", top.label());
    assertEquals(CHEESEBURGER, top.index());
    assertEquals(0.984f, top.score(), 0.01f, "measured here: 0.98413");
  }

  /**
   * The uint8 model takes the pixels as they are. Google's test of the same network (with its
   * labels in metadata) on the uncropped burger photo expects cheeseburger, 0.96; this file has no
   * labels, so they come from the float model's packed file, as {@code --labels} would give them.
   */
  @Test
  void uint8MobileNetCallsTheBurgerACheeseburger(@TempDir Path dir) throws Exception {
    Path labels = dir.resolve("labels.txt");
    try (Model m = Engines.load(Zoo.file(FLOAT), LoadOptions.DEFAULTS)) {
      Files.write(labels, m.packedFile("labels.txt").orElseThrow());
    }
    Classification result =
        (Classification)
            run(QUANT, "burger_crop.jpg", VisionOptions.DEFAULTS.withLabels(labels).withTopK(1));
    Category top = result.classes().get(0);
    assertEquals("cheeseburger", top.label());
    assertEquals(CHEESEBURGER, top.index());
    assertEquals(0.96f, top.score(), 0.01f, "measured here: 247/256 = 0.9648");
  }

  /**
   * Google's test gives the collage with a region of interest around the soccer ball (406, 110, 148
   * x 153) and expects "soccer ball" (806) from MobileNet v2; the quarter-width v1 here says the
   * same, given the same region.
   */
  @Test
  void floatMobileNetNamesTheSoccerBallInGooglesRegion() throws Exception {
    Classification result =
        (Classification)
            run(
                FLOAT,
                "multi_objects.jpg",
                VisionOptions.DEFAULTS.withRegion(new Box(406, 110, 148, 153)));
    Category top = result.classes().get(0);
    assertEquals("soccer ball", top.label());
    assertEquals(806, top.index());
    assertEquals(0.79f, top.score(), 0.02f, "measured here: 0.7889");
  }

  /**
   * Google's tests expect "junco" (0.25) for this photo from MobileNet v2 1.0, a model the zoo does
   * not have. The quarter-width MobileNet v1 here is far weaker (about 50% top-1 on ImageNet) and
   * sees a bird, not the species: flamingo (0.17), the transparent pixels composited over black
   * (what the photo stores under them, and what Google's loader, which drops alpha, sees).
   */
  @Test
  void floatMobileNetSeesABirdInTheSparrow() throws Exception {
    Classification result =
        (Classification) run(FLOAT, "sparrow.png", VisionOptions.DEFAULTS.withTopK(3));
    for (Category c : result.classes()) {
      assertTrue(isImageNetBird(c.index()), c + " is a bird class");
    }
    assertEquals("flamingo", result.classes().get(0).label());
  }

  /** Birds in the 1001 labels (background first): ImageNet's classes 7-24, 80-100, 127-146. */
  private static boolean isImageNetBird(int index) {
    int imagenet = index - 1;
    return (imagenet >= 7 && imagenet <= 24)
        || (imagenet >= 80 && imagenet <= 100)
        || (imagenet >= 127 && imagenet <= 146);
  }

  /**
   * Google's ObjectDetector test: on {@code cats_and_dogs.jpg} with at most 4 results it expects
   * cat 0.64 at (54, 396, 393 x 196), cat 0.61 at (602, 157, 394 x 447), cat 0.56 at (260, 394, 180
   * x 209) and dog 0.5 at (389, 197, 278 x 409), scores within 0.05 and boxes within 3 px of its
   * own pipeline (stb_image's JPEG decoder, libyuv's resize). Fed the bytes that pipeline makes,
   * this engine gives all four within 2 px (checked by hand with libstb and libyuv); from the JPEG
   * through ImageIO and our resize, whose rounding differs by one level on a few input values, two
   * of the boxes move by up to 7 px: this quantized box regression is that sensitive (one level on
   * 0.4% of the input values moved the second box by 6 px). Hence 8 px here, under 1% of the
   * photo's width.
   */
  @Test
  void ssdGivesGooglesDetectionsForCatsAndDogs() throws Exception {
    Detections result =
        (Detections)
            run(
                "ssd_mobilenet_v1.tflite",
                "cats_and_dogs.jpg",
                cocoLabels(VisionOptions.DEFAULTS).withMaxResults(4));
    assertEquals(1200, result.imageWidth());
    assertEquals(600, result.imageHeight());
    int[][] boxes = {
      {54, 396, 393, 196}, {602, 157, 394, 447}, {260, 394, 180, 209}, {389, 197, 278, 409}
    };
    String[] labels = {"cat", "cat", "cat", "dog"};
    float[] scores = {0.64f, 0.61f, 0.56f, 0.5f};
    assertEquals(4, result.detections().size(), result.toJson());
    for (int i = 0; i < 4; i++) {
      Detection d = result.detections().get(i);
      assertEquals(labels[i], d.category().label(), d.toString());
      assertEquals(scores[i], d.category().score(), 0.05f, d.toString());
      Box box = d.box();
      int[] found = {box.x(), box.y(), box.width(), box.height()};
      for (int k = 0; k < 4; k++) {
        assertTrue(Math.abs(found[k] - boxes[i][k]) <= 8, "detection " + i + ": " + d);
      }
    }
  }

  /**
   * On the collage, what a person sees: the beige chair (bottom left), the best detection at 0.61,
   * stretched from 902 x 358 into 300 x 300 and back.
   */
  @Test
  void ssdFindsTheChairInTheCollage() throws Exception {
    Detections result =
        (Detections)
            run("ssd_mobilenet_v1.tflite", "multi_objects.jpg", cocoLabels(VisionOptions.DEFAULTS));
    assertEquals(902, result.imageWidth());
    assertEquals(358, result.imageHeight());
    Detection best = result.detections().get(0);
    assertEquals("chair", best.category().label());
    assertEquals(61, best.category().index());
    assertEquals(0.61f, best.category().score(), 0.01f);
    assertNear(163, best.box().x(), "x");
    assertNear(209, best.box().y(), "y");
    assertNear(113, best.box().width(), "width");
    assertNear(133, best.box().height(), "height");
    for (Detection d : result.detections()) {
      assertTrue(d.category().score() >= 0.5f, "the default threshold: " + d);
    }
  }

  /** The cat tile of the collage alone: a cat, its box around the cat in the tile's pixels. */
  @Test
  void ssdFindsTheCatInItsTile() throws Exception {
    BufferedImage collage = ImageIO.read(Zoo.file("multi_objects.jpg").toFile());
    RgbImage tile = RgbImage.of(collage.getSubimage(650, 235, 150, 120));
    Detections result;
    try (Model m = Engines.load(Zoo.file("ssd_mobilenet_v1.tflite"), LoadOptions.DEFAULTS);
        Predictor p = m.predictor()) {
      VisionPipeline pipeline = VisionPipeline.of(m, p, cocoLabels(VisionOptions.DEFAULTS));
      assertEquals(VisionTask.DETECT, pipeline.task());
      result = (Detections) pipeline.run(tile);
    }
    Detection best = result.detections().get(0);
    assertEquals("cat", best.category().label());
    assertEquals(16, best.category().index());
    assertTrue(best.box().x() < 75 && best.box().x() + best.box().width() > 75, "" + best);
    assertTrue(best.box().y() < 60 && best.box().y() + best.box().height() > 60, "" + best);
    assertTrue(best.box().x() >= 0 && best.box().x() + best.box().width() <= 150, "" + best);
  }

  /**
   * DeepLab v3 against Google's golden mask (fewer than 1% of pixels off). The photo is stored
   * turned; Google's test declares EXIF orientation 7 for it, and so does this one ({@code
   * --orientation 7}): the mask comes out upright, and upright pixel (x, y) is stored pixel (n - 1
   * - y, n - 1 - x).
   */
  @Test
  void deepLabMatchesGooglesGoldenMask() throws Exception {
    Segmentation mask =
        (Segmentation)
            run(
                "deeplabv3.tflite",
                "segmentation_input_rotation90_flop.jpg",
                VisionOptions.DEFAULTS.withOrientation(7).withLabels(vocLabels()));
    Raster golden =
        ImageIO.read(Zoo.file("segmentation_golden_rotation90_flop.png").toFile()).getRaster();
    int n = 257;
    assertEquals(n, mask.width());
    int off = 0;
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        if (mask.category(n - 1 - y, n - 1 - x) * 10 != golden.getSample(x, y, 0)) {
          off++;
        }
      }
    }
    System.out.printf("DeepLab v3 through the pipeline: %d of %d pixels off%n", off, n * n);
    assertTrue(off < n * n / 100, off + " pixels off Google's golden mask");
    assertTrue(mask.pixels().containsKey("horse") && mask.pixels().containsKey("person"));
  }

  private static void assertNear(int expected, int actual, String what) {
    assertTrue(
        Math.abs(expected - actual) <= 3,
        what + ": expected " + expected + " +-3, found " + actual);
  }

  /**
   * COCO's labels, written here from the test's resource: lite-vector runs these tests from lite's
   * test jar, where a resource is no file.
   */
  private static VisionOptions cocoLabels(VisionOptions options) throws IOException {
    Path file = Files.createTempFile("coco", ".txt");
    file.toFile().deleteOnExit();
    try (InputStream in = VisionZooTest.class.getResourceAsStream("coco-labels.txt")) {
      Files.write(file, in.readAllBytes());
    }
    return options.withLabels(file);
  }

  /** PASCAL VOC's 21 categories, as Google's DeepLab metadata names them. */
  private static Path vocLabels() throws IOException {
    Path file = Files.createTempFile("voc", ".txt");
    file.toFile().deleteOnExit();
    Files.write(
        file,
        List.of(
            "background",
            "aeroplane",
            "bicycle",
            "bird",
            "boat",
            "bottle",
            "bus",
            "car",
            "cat",
            "chair",
            "cow",
            "dining table",
            "dog",
            "horse",
            "motorbike",
            "person",
            "potted plant",
            "sheep",
            "sofa",
            "train",
            "tv"));
    return file;
  }
}
