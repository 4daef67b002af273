package io.edgeinfer.core.vision;

import static io.edgeinfer.core.vision.FakeModel.image;
import static io.edgeinfer.core.vision.FakeModel.output;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.core.image.RgbImage;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisionPipelineTest {
  private static final RgbImage GREY_4X4 =
      RgbImage.of(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB));

  private static FakeModel classifier(float... scores) {
    return new FakeModel(
        List.of(image(DataType.FLOAT32, 1, 4, 4, 3)),
        List.of(output("probability", 1, scores.length)),
        in -> Map.of("probability", Tensor.ofFloats(scores, 1, scores.length)));
  }

  @Test
  void classifyGivesTheTopClassesWithTheirLabels() throws Exception {
    FakeModel model =
        classifier(0.1f, 0.5f, 0.05f, 0.3f, 0.05f)
            .labels("probability", "labels.txt", "background", "cat", "dog", "bird", "fish");
    VisionPipeline pipeline = VisionPipeline.of(model, model, VisionOptions.DEFAULTS.withTopK(3));
    assertEquals(VisionTask.CLASSIFY, pipeline.task());
    assertEquals("labels.txt packed in the model (5 labels)", pipeline.describe().get("labels"));
    assertEquals(
        "{\"task\":\"classify\",\"classes\":[{\"label\":\"cat\",\"index\":1,\"score\":0.5},"
            + "{\"label\":\"bird\",\"index\":3,\"score\":0.3},"
            + "{\"label\":\"background\",\"index\":0,\"score\":0.1}]}",
        pipeline.run(GREY_4X4).toJson());
  }

  @Test
  void classifyTiesGoToTheLowerIndexAndTheThresholdCuts() throws Exception {
    FakeModel model = classifier(0.2f, 0.4f, 0.4f, 0.0f);
    VisionPipeline pipeline =
        VisionPipeline.of(
            model, model, VisionOptions.DEFAULTS.withTopK(4).withScoreThreshold(0.2f));
    Classification result = (Classification) pipeline.run(GREY_4X4);
    assertEquals(List.of(1, 2, 0), result.classes().stream().map(Category::index).toList());
    // Without labels, the JSON leaves "label" out.
    assertEquals(
        "{\"task\":\"classify\",\"classes\":[{\"index\":1,\"score\":0.4},{\"index\":2,"
            + "\"score\":0.4},{\"index\":0,\"score\":0.2}]}",
        result.toJson());
  }

  @Test
  void labelsFileOverridesTheModels(@TempDir Path dir) throws Exception {
    Path labels = dir.resolve("mine.txt");
    Files.writeString(labels, "zero\none\r\ntwo\n\n");
    FakeModel model = classifier(0.1f, 0.2f, 0.7f).labels("probability", "labels.txt", "a", "b");
    VisionPipeline pipeline =
        VisionPipeline.of(model, model, VisionOptions.DEFAULTS.withTopK(1).withLabels(labels));
    assertEquals(List.of("zero", "one", "two"), pipeline.labels());
    assertEquals("two", ((Classification) pipeline.run(GREY_4X4)).classes().get(0).label());
  }

  /** The four outputs of TFLite_Detection_PostProcess, for a 300 x 300 input. */
  private static FakeModel detector(float[] boxes, float[] classes, float[] scores, int count) {
    List<TensorSpec> outs =
        List.of(
            output("TFLite_Detection_PostProcess", 1, 3, 4),
            output("TFLite_Detection_PostProcess:1", 1, 3),
            output("TFLite_Detection_PostProcess:2", 1, 3),
            output("TFLite_Detection_PostProcess:3", 1));
    return new FakeModel(
        List.of(image(DataType.FLOAT32, 1, 300, 300, 3)),
        outs,
        in ->
            Map.of(
                "TFLite_Detection_PostProcess", Tensor.ofFloats(boxes, 1, 3, 4),
                "TFLite_Detection_PostProcess:1", Tensor.ofFloats(classes, 1, 3),
                "TFLite_Detection_PostProcess:2", Tensor.ofFloats(scores, 1, 3),
                "TFLite_Detection_PostProcess:3", Tensor.ofFloats(new float[] {count}, 1)));
  }

  @Test
  void detectPutsBoxesBackIntoTheLetterboxedImage() throws Exception {
    // (ymin, xmin, ymax, xmax) in 0..1 of the input.
    float[] boxes = {0.25f, 0.5f, 0.75f, 1f, 0.3f, 0f, 0.5f, 0.2f, 0, 0, 1, 1};
    FakeModel model = detector(boxes, new float[] {16, 0, 2}, new float[] {0.9f, 0.6f, 0.4f}, 3);
    VisionPipeline pipeline =
        VisionPipeline.of(
            model,
            model,
            VisionOptions.DEFAULTS
                .withResize(ResizeMode.LETTERBOX)
                .withLabels(labels("person", "bicycle", "car", 16, "cat")));
    assertEquals(VisionTask.DETECT, pipeline.task());
    // 400 x 200 letterboxed into 300 x 300: scale 0.75, the image from input row 75 to 225.
    RgbImage photo = RgbImage.of(new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB));
    assertEquals(
        "{\"task\":\"detect\",\"image\":{\"width\":400,\"height\":200},\"detections\":["
            + "{\"label\":\"cat\",\"index\":16,\"score\":0.9,"
            + "\"box\":{\"x\":200,\"y\":0,\"width\":200,\"height\":200}},"
            + "{\"label\":\"person\",\"index\":0,\"score\":0.6,"
            + "\"box\":{\"x\":0,\"y\":20,\"width\":80,\"height\":80}}]}",
        pipeline.run(photo).toJson());
  }

  @Test
  void aRegionIsWhatTheModelSeesAndBoxesComeBackIntoTheWholeImage() throws Exception {
    float[] boxes = {0, 0, 0.5f, 0.5f, 0, 0, 0, 0, 0, 0, 0, 0};
    FakeModel model = detector(boxes, new float[] {16, 0, 0}, new float[] {0.9f, 0, 0}, 1);
    VisionPipeline pipeline =
        VisionPipeline.of(
            model, model, VisionOptions.DEFAULTS.withRegion(new Box(100, 50, 60, 40)));
    assertEquals("60 x 40 at (100, 50) of each image", pipeline.describe().get("region"));
    Detections found = (Detections) pipeline.run(RgbImage.of(new BufferedImage(400, 200, 1)));
    assertEquals(400, found.imageWidth());
    // The region's top-left quarter, moved to where the region is.
    assertEquals(new Box(100, 50, 30, 20), found.detections().get(0).box());
    assertEquals(
        "expected a region inside the 100 x 100 image, found 60 x 40 at (100, 50)",
        assertThrows(
                IllegalArgumentException.class,
                () -> pipeline.run(RgbImage.of(new BufferedImage(100, 100, 1))))
            .getMessage());
  }

  @Test
  void aRegionsMaskIsPlacedInTheWholeImage() throws Exception {
    float[] scores = {0, 9, 0, 9, 0, 9, 0, 9}; // 2 x 2, 2 classes: all class 1
    FakeModel model =
        new FakeModel(
            List.of(image(DataType.FLOAT32, 1, 2, 2, 3)),
            List.of(output("mask", 1, 2, 2, 2)),
            in -> Map.of("mask", Tensor.ofFloats(scores, 1, 2, 2, 2)));
    VisionPipeline pipeline =
        VisionPipeline.of(model, model, VisionOptions.DEFAULTS.withRegion(new Box(1, 2, 2, 2)));
    Segmentation mask = (Segmentation) pipeline.run(GREY_4X4);
    assertEquals(4, mask.width());
    assertEquals(Map.of("class 0", 12L, "class 1", 4L), mask.pixels());
    assertEquals(1, mask.category(1, 2));
    assertEquals(1, mask.category(2, 3));
    assertEquals(0, mask.category(0, 2));
    assertEquals(0, mask.category(1, 1));
  }

  @Test
  void detectKeepsToTheCountAndMaxResults() throws Exception {
    float[] boxes = new float[12];
    FakeModel model = detector(boxes, new float[] {1, 2, 3}, new float[] {0.9f, 0.8f, 0.7f}, 2);
    Detections all =
        (Detections) VisionPipeline.of(model, model, VisionOptions.DEFAULTS).run(GREY_4X4);
    assertEquals(2, all.detections().size(), "the count output says 2");
    Detections one =
        (Detections)
            VisionPipeline.of(model, model, VisionOptions.DEFAULTS.withMaxResults(1)).run(GREY_4X4);
    assertEquals(1, one.detections().size());
  }

  @Test
  void segmentWritesAMaskOfTheImageAndCountsItsPixels() throws Exception {
    // Output 2 x 2 x 3 classes: top-left class 2, top-right 1, bottom row 0.
    float[] scores = {0, 0, 9, 0, 9, 0, 9, 0, 0, 9, 0, 0};
    FakeModel model =
        new FakeModel(
                List.of(image(DataType.FLOAT32, 1, 2, 2, 3)),
                List.of(output("mask", 1, 2, 2, 3)),
                in -> Map.of("mask", Tensor.ofFloats(scores, 1, 2, 2, 3)))
            .labels("mask", "labels.txt", "background", "cat");
    VisionPipeline pipeline = VisionPipeline.of(model, model, VisionOptions.DEFAULTS);
    assertEquals(VisionTask.SEGMENT, pipeline.task());
    Segmentation mask = (Segmentation) pipeline.run(GREY_4X4);
    assertEquals(4, mask.width());
    assertEquals(2, mask.category(0, 0));
    assertEquals(2, mask.category(1, 1));
    assertEquals(1, mask.category(3, 0));
    assertEquals(0, mask.category(2, 3));
    assertEquals(Map.of("background", 8L, "cat", 4L, "class 2", 4L), mask.pixels());
    assertEquals(
        "{\"task\":\"segment\",\"image\":{\"width\":4,\"height\":4},\"mask\":\"photo.mask.png\","
            + "\"pixels\":{\"background\":8,\"cat\":4,\"class 2\":4}}",
        mask.withMaskFile("photo.mask.png").toJson());
  }

  @Test
  void segmentTakesAnIntegerMaskAsItIs() throws Exception {
    FakeModel model =
        new FakeModel(
            List.of(image(DataType.FLOAT32, 1, 2, 2, 3)),
            List.of(new TensorSpec("ArgMax", DataType.INT64, io.edgeinfer.core.Shape.of(1, 2, 2))),
            in -> Map.of("ArgMax", Tensor.ofLongs(new long[] {0, 3, 3, 20}, 1, 2, 2)));
    VisionPipeline pipeline = VisionPipeline.of(model, model, VisionOptions.DEFAULTS);
    assertEquals(VisionTask.SEGMENT, pipeline.task());
    Segmentation mask = (Segmentation) pipeline.run(RgbImage.of(new BufferedImage(2, 2, 1)));
    assertEquals(Map.of("class 0", 1L, "class 3", 2L, "class 20", 1L), mask.pixels());
  }

  /**
   * EfficientDet exports without metadata: scores, boxes, count, classes, under names that say
   * nothing. The boxes and count are told by their sizes, the classes by holding whole numbers.
   */
  @Test
  void detectTellsTheOutputsApartWithoutMetadata() throws Exception {
    List<TensorSpec> outs =
        List.of(
            output("out0", 1, 2), output("out1", 1, 2, 4), output("out2", 1), output("out3", 1, 2));
    FakeModel model =
        new FakeModel(
                List.of(image(DataType.FLOAT32, 1, 100, 100, 3)),
                outs,
                in ->
                    Map.of(
                        "out0", Tensor.ofFloats(new float[] {0.8f, 0.7f}, 1, 2),
                        "out1",
                            Tensor.ofFloats(new float[] {0, 0, .5f, .5f, .5f, .5f, 1, 1}, 1, 2, 4),
                        "out2", Tensor.ofFloats(new float[] {2}, 1),
                        "out3", Tensor.ofFloats(new float[] {3, 1}, 1, 2)))
            .metadata("op.CUSTOM 'TFLite_Detection_PostProcess'", "1");
    VisionPipeline pipeline = VisionPipeline.of(model, model, VisionOptions.DEFAULTS);
    assertEquals(VisionTask.DETECT, pipeline.task());
    Detections found = (Detections) pipeline.run(RgbImage.of(new BufferedImage(200, 100, 1)));
    assertEquals(2, found.detections().size());
    assertEquals(new Category(null, 3, 0.8f), found.detections().get(0).category());
    assertEquals(new Box(0, 0, 100, 50), found.detections().get(0).box());
    assertEquals(new Box(100, 50, 100, 50), found.detections().get(1).box());
  }

  @Test
  void maskPngHoldsTheCategoryIndexInVocColours() throws IOException {
    byte[] mask = {0, 1, 15, 8};
    byte[] png = new Segmentation(2, 2, mask, List.of(), null).maskPng();
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
    int[] indices = read.getRaster().getPixels(0, 0, 2, 2, (int[]) null);
    assertArrayEquals(new int[] {0, 1, 15, 8}, indices);
    IndexColorModel colours = (IndexColorModel) read.getColorModel();
    assertEquals(0x000000, colours.getRGB(0) & 0xffffff);
    assertEquals(0x800000, colours.getRGB(1) & 0xffffff, "aeroplane: dark red");
    assertEquals(0x400000, colours.getRGB(8) & 0xffffff, "cat");
    assertEquals(0xc08080, colours.getRGB(15) & 0xffffff, "person");
  }

  @Test
  void rawGivesTheTensorsAsPredictWritesThem() throws Exception {
    FakeModel model =
        new FakeModel(
            List.of(image(DataType.FLOAT32, 1, 4, 4, 3)),
            List.of(output("a", 1, 2), output("b", 1, 1)),
            in ->
                Map.of(
                    "a", Tensor.ofFloats(new float[] {1, 2}, 1, 2),
                    "b", Tensor.ofFloats(new float[] {3}, 1, 1)));
    VisionPipeline pipeline = VisionPipeline.of(model, model, VisionOptions.DEFAULTS);
    assertEquals(VisionTask.RAW, pipeline.task());
    assertEquals(
        "{\"task\":\"raw\",\"predictions\":[{\"a\":[1.0,2.0],\"b\":[3.0]}]}",
        pipeline.run(GREY_4X4).toJson());
  }

  @Test
  void aForcedTaskMustFitTheOutputs() {
    FakeModel model = classifier(0.5f, 0.5f);
    assertEquals(
        "expected 4 outputs (boxes, classes, scores, count) to detect, found 1: [probability:"
            + " float32 [1, 2]]",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    VisionPipeline.of(
                        model, model, VisionOptions.DEFAULTS.withTask(VisionTask.DETECT)))
            .getMessage());
  }

  @Test
  void forcedOrientationReplacesTheFilesOwn() throws Exception {
    FakeModel model = classifier(1f, 0f);
    VisionPipeline pipeline =
        VisionPipeline.of(model, model, VisionOptions.DEFAULTS.withOrientation(6));
    BufferedImage wide = new BufferedImage(6, 2, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStreamHolder png = new ByteArrayOutputStreamHolder();
    ImageIO.write(wide, "png", png);
    RgbImage turned = pipeline.decode(png.toByteArray());
    assertEquals(2, turned.width());
    assertEquals(6, turned.height());
  }

  /** A labels file with the given labels at their lines, "???" between (COCO's gaps). */
  private static Path labels(Object... entries) throws IOException {
    String[] lines = new String[32];
    java.util.Arrays.fill(lines, "???");
    int next = 0;
    for (Object entry : entries) {
      if (entry instanceof Integer at) {
        next = at;
      } else {
        lines[next++] = (String) entry;
      }
    }
    Path file = Files.createTempFile("labels", ".txt");
    file.toFile().deleteOnExit();
    Files.write(file, List.of(lines));
    return file;
  }

  private static final class ByteArrayOutputStreamHolder extends java.io.ByteArrayOutputStream {}
}
