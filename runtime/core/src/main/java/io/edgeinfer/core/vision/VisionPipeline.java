package io.edgeinfer.core.vision;

import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.image.RgbImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One vision model ready for images: built once ({@link #of}), then {@link #run(byte[])} per image
 * decodes it, prepares the input, runs the predictor and reads the answer. As thread-safe as its
 * predictor; it holds nothing to close (the caller closes the predictor and model).
 */
public final class VisionPipeline {
  /** How many times the input's size a subsampled photo stays at least (in both sides). */
  static final int SUBSAMPLING_MARGIN = 2;

  /**
   * The fewest pixels a subsampled photo keeps in either side, whatever the input: an annotated
   * copy ({@code --annotate}) is drawn on the decoded picture and should stay worth looking at.
   */
  static final int SUBSAMPLING_MIN_SIDE = 640;

  private final Predictor predictor;
  private final VisionOptions options;
  private final ImagePreprocessing preprocessing;
  private final VisionTask task;
  private final Labels labels;
  private final DetectOutputs detectOutputs;

  private VisionPipeline(
      Predictor predictor,
      VisionOptions options,
      ImagePreprocessing preprocessing,
      VisionTask task,
      Labels labels,
      DetectOutputs detectOutputs) {
    this.predictor = predictor;
    this.options = options;
    this.preprocessing = preprocessing;
    this.task = task;
    this.labels = labels;
    this.detectOutputs = detectOutputs;
  }

  /**
   * The pipeline for {@code predictor}'s signature of {@code model}.
   *
   * @throws IllegalArgumentException when the signature has no single image input, a forced task
   *     does not fit the outputs, or a labels file cannot be read (the message says which)
   * @throws ModelException when a labels file packed in the model cannot be read
   */
  public static VisionPipeline of(Model model, Predictor predictor, VisionOptions options)
      throws ModelException {
    Signature signature = predictor.signature();
    ImagePreprocessing preprocessing =
        ImagePreprocessing.of(model, signature, predictor.rawInputTypes(), options);
    VisionTask task =
        options.task() != null ? options.task() : TaskChooser.choose(model, signature);
    checkFits(task, signature);
    Labels labels = task == VisionTask.RAW ? Labels.NONE : Labels.load(model, signature, options);
    DetectOutputs detect = task == VisionTask.DETECT ? DetectOutputs.of(model, signature) : null;
    return new VisionPipeline(predictor, options, preprocessing, task, labels, detect);
  }

  private static void checkFits(VisionTask task, Signature signature) {
    int outputs = signature.outputs().size();
    if (task == VisionTask.DETECT && outputs != 4) {
      throw new IllegalArgumentException(
          "expected 4 outputs (boxes, classes, scores, count) to detect, found "
              + outputs
              + ": "
              + signature.outputs());
    }
    if ((task == VisionTask.CLASSIFY || task == VisionTask.SEGMENT) && outputs != 1) {
      throw new IllegalArgumentException(
          "expected 1 output to "
              + task.label()
              + ", found "
              + outputs
              + ": "
              + signature.outputs());
    }
  }

  public VisionTask task() {
    return task;
  }

  public ImagePreprocessing preprocessing() {
    return preprocessing;
  }

  public VisionOptions options() {
    return options;
  }

  /** The class labels in use, line n for class n; empty when the model has none. */
  public List<String> labels() {
    return labels.labels();
  }

  /** What {@code inspect} shows: the task, where labels come from, then the preprocessing. */
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(
        "task",
        task.label() + (options.task() != null ? " (chosen by --task)" : " (from the outputs)"));
    if (task != VisionTask.RAW) {
      out.put("labels", labels.source());
    }
    Box region = options.region();
    if (region != null) {
      out.put(
          "region",
          region.width()
              + " x "
              + region.height()
              + " at ("
              + region.x()
              + ", "
              + region.y()
              + ") of each image");
    }
    out.putAll(preprocessing.describe());
    return out;
  }

  /**
   * Decodes PNG, JPEG or BMP bytes the right way up: the file's EXIF orientation, or the one the
   * options force. A photo at least twice the model's input in both sides is read with source
   * subsampling, down to no less than twice the input ({@link RgbImage#scale()} says by how much):
   * the resize then still reduces by 2x or more, and a 12-megapixel photo costs a fraction of its
   * memory and time. With a region in the options every pixel is read (the region is in the photo's
   * pixels).
   *
   * @throws io.edgeinfer.core.codec.MalformedInputException when the bytes are no readable image
   */
  public RgbImage decode(byte[] encodedImage) {
    int orientation =
        options.orientation() == null
            ? RgbImage.exifOrientation(encodedImage)
            : options.orientation();
    if (options.region() != null) {
      return RgbImage.decode(encodedImage, orientation);
    }
    return RgbImage.decode(
        encodedImage,
        orientation,
        Math.max(SUBSAMPLING_MIN_SIDE, SUBSAMPLING_MARGIN * preprocessing.width()),
        Math.max(SUBSAMPLING_MIN_SIDE, SUBSAMPLING_MARGIN * preprocessing.height()));
  }

  /**
   * The answer for one encoded image (PNG, JPEG or BMP).
   *
   * @throws io.edgeinfer.core.codec.MalformedInputException when the bytes are no readable image
   * @throws ModelException when the model fails to run
   */
  public VisionResult run(byte[] encodedImage) throws ModelException {
    return run(decode(encodedImage));
  }

  /**
   * The answer for one decoded image, already the right way up. With a region in the options, the
   * model sees that part only; boxes and masks are still in the whole image's pixels (a mask is
   * category 0 outside the region). An image decoded with subsampling is answered in the photo's
   * own pixels ({@link RgbImage#photoWidth()}).
   *
   * @throws IllegalArgumentException when the options' region is not inside the image, or a region
   *     is asked of a subsampled image
   */
  public VisionResult run(RgbImage image) throws ModelException {
    Box region = options.region();
    if (region == null) {
      return PhotoPixels.of(answer(image), image);
    }
    if (image.scale() != 1) {
      throw new IllegalArgumentException(
          "expected an image decoded whole for a region, found one decoded at 1/"
              + image.scale()
              + " of the photo's size: decode it with VisionPipeline.decode");
    }
    RgbImage part = image.crop(region.x(), region.y(), region.width(), region.height());
    return Regions.place(answer(part), region, image.width(), image.height());
  }

  private VisionResult answer(RgbImage image) throws ModelException {
    ImagePreprocessing.PreparedImage prepared = preprocessing.apply(image);
    Map<String, Tensor> outputs = predictor.predict(prepared.inputs());
    float threshold = options.scoreThreshold(task);
    return switch (task) {
      case CLASSIFY ->
          ClassifyOutputs.read(
              outputs.values().iterator().next(), labels, options.topK(), threshold);
      case DETECT ->
          detectOutputs.read(
              outputs, prepared.transform(), labels, threshold, options.maxResults());
      case SEGMENT ->
          SegmentOutputs.read(outputs.values().iterator().next(), prepared.transform(), labels);
      case RAW -> new RawOutputs(outputs, predictor.signature());
    };
  }
}
