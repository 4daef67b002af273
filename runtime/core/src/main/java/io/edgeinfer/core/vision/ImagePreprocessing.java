package io.edgeinfer.core.vision;

import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorMetadata;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.core.image.RgbImage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an image becomes a model's input: its size and layout, colour, resize, normalization and
 * type. Built from the model ({@link #of}) and applied to each image ({@link #apply}).
 *
 * @param input the name of the image input
 * @param height the input's height in pixels
 * @param width the input's width in pixels
 * @param channels 3 (RGB) or 1 (grey, by BT.601 luma)
 * @param channelsFirst NCHW ({@code [1, C, H, W]}) rather than NHWC ({@code [1, H, W, C]})
 * @param feed {@link DataType#UINT8}: the pixels 0..255 as they are (a uint8 or uint8-quantized
 *     input); {@link DataType#FLOAT32}: {@code (pixel - mean) / std}, which the engine quantizes
 *     itself for an int8 input
 * @param inputType the type the model stores the input in (uint8, int8, float32)
 * @param mean per-channel means (one value for all channels, or one each); empty when fed raw
 * @param std per-channel standard deviations, as many as {@code mean}
 * @param normalizationSource where mean and std come from: {@code model metadata}, {@code options},
 *     {@code default} or {@code none} (raw pixels)
 * @param resize how an image of another shape is fitted
 */
public record ImagePreprocessing(
    String input,
    int height,
    int width,
    int channels,
    boolean channelsFirst,
    DataType feed,
    DataType inputType,
    List<Float> mean,
    List<Float> std,
    String normalizationSource,
    ResizeMode resize) {

  /** The normalization of TensorFlow's image models when a float model declares none: [-1, 1]. */
  public static final float DEFAULT_MEAN = 127.5f;

  public static final float DEFAULT_STD = 127.5f;

  public ImagePreprocessing {
    mean = List.copyOf(mean);
    std = List.copyOf(std);
  }

  /**
   * The preprocessing for a signature's one image input: the model's metadata where it has some,
   * the options where they say otherwise.
   *
   * @param rawInputTypes what {@link io.edgeinfer.core.Predictor#rawInputTypes()} says
   * @throws IllegalArgumentException when the signature has no single image input (the message says
   *     what it has)
   */
  public static ImagePreprocessing of(
      Model model,
      Signature signature,
      Map<String, DataType> rawInputTypes,
      VisionOptions options) {
    if (signature.inputs().size() != 1) {
      throw new IllegalArgumentException(
          "expected a model with one image input, found "
              + signature.inputs().size()
              + " inputs in signature '"
              + signature.name()
              + "': "
              + signature.inputs());
    }
    TensorSpec spec = signature.inputs().get(0);
    Shape shape = spec.shape();
    boolean nhwc = shape.rank() == 4 && isChannels(shape.dim(3)) && shape.dim(1) > 1;
    boolean nchw = !nhwc && shape.rank() == 4 && isChannels(shape.dim(1)) && shape.dim(3) > 1;
    if (shape.isUnknownRank()
        || !(nhwc || nchw)
        || shape.dim(nhwc ? 2 : 3) <= 0
        || shape.dim(nhwc ? 1 : 2) <= 0) {
      throw new IllegalArgumentException(
          "expected an image input of shape [1, height, width, 1 or 3] or [1, 1 or 3, height,"
              + " width], found "
              + spec);
    }
    int height = shape.dim(nhwc ? 1 : 2);
    int width = shape.dim(nhwc ? 2 : 3);
    int channels = shape.dim(nhwc ? 3 : 1);
    DataType raw = rawInputTypes.get(spec.name());
    DataType inputType = raw != null ? raw : spec.dataType();
    if (inputType != DataType.FLOAT32
        && inputType != DataType.UINT8
        && inputType != DataType.INT8) {
      throw new IllegalArgumentException(
          "expected a float32, uint8 or int8 image input, found "
              + inputType.label()
              + ": "
              + spec);
    }
    Optional<TensorMetadata> metadata = model.inputMetadata(signature.name(), spec.name());
    List<Float> mean;
    List<Float> std;
    String source;
    DataType feed = DataType.FLOAT32;
    if (!options.mean().isEmpty()) {
      mean = options.mean();
      std = options.std();
      source = "options";
    } else if (inputType == DataType.UINT8) {
      // As the Task Library does: a uint8 input takes the pixels as they are, whatever the
      // metadata's normalization (which describes the float model it was quantized from).
      mean = List.of();
      std = List.of();
      source = "none";
      feed = DataType.UINT8;
    } else if (metadata.isPresent() && metadata.get().hasNormalization()) {
      mean = metadata.get().mean();
      std = metadata.get().std();
      source = "model metadata";
    } else {
      mean = List.of(DEFAULT_MEAN);
      std = List.of(DEFAULT_STD);
      source = "default";
    }
    if (feed == DataType.FLOAT32 && spec.dataType() != DataType.FLOAT32) {
      throw new IllegalArgumentException(
          "expected a float32 input to take normalized pixels, found "
              + spec
              + ": leave --mean and --std out to feed the pixels as they are");
    }
    checkChannels("mean", mean, channels);
    checkChannels("std", std, channels);
    ResizeMode resize = options.resize() == null ? ResizeMode.STRETCH : options.resize();
    return new ImagePreprocessing(
        spec.name(), height, width, channels, nchw, feed, inputType, mean, std, source, resize);
  }

  private static boolean isChannels(int dim) {
    return dim == 1 || dim == 3;
  }

  private static void checkChannels(String what, List<Float> values, int channels) {
    if (values.size() > 1 && values.size() != channels) {
      throw new IllegalArgumentException(
          "expected 1 or "
              + channels
              + " values of --"
              + what
              + " for an input of "
              + channels
              + " channels, found "
              + values.size()
              + ": "
              + values);
    }
  }

  /** The input tensor for one image, and where the image landed in it. */
  public record PreparedImage(Map<String, Tensor> inputs, ImageTransform transform) {}

  /** Resizes, converts and normalizes one image into a batch of one. */
  public PreparedImage apply(RgbImage image) {
    ImageTransform transform =
        ImageTransform.of(resize, image.width(), image.height(), width, height);
    float[] pixels = Resampler.sample(image, transform, channels);
    int[] dims =
        channelsFirst
            ? new int[] {1, channels, height, width}
            : new int[] {1, height, width, channels};
    int plane = height * width;
    Tensor tensor;
    if (feed == DataType.UINT8) {
      byte[] bytes = new byte[pixels.length];
      for (int i = 0; i < pixels.length; i++) {
        bytes[at(i, plane)] = (byte) Math.round(Math.max(0, Math.min(255, pixels[i])));
      }
      tensor = Tensor.ofBytes(DataType.UINT8, bytes, dims);
    } else {
      float[] values = new float[pixels.length];
      for (int i = 0; i < pixels.length; i++) {
        int c = i % channels;
        float m = mean.get(mean.size() == 1 ? 0 : c);
        float s = std.get(std.size() == 1 ? 0 : c);
        values[at(i, plane)] = (pixels[i] - m) / s;
      }
      tensor = Tensor.ofFloats(values, dims);
    }
    return new PreparedImage(Map.of(input, tensor), transform);
  }

  /** Where channels-last element {@code i} goes in the layout. */
  private int at(int i, int plane) {
    return channelsFirst ? (i % channels) * plane + i / channels : i;
  }

  /** What {@code inspect} shows, in order: each line a key and what it says. */
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("input", input);
    out.put(
        "size",
        width
            + " x "
            + height
            + ", "
            + (channels == 3 ? "RGB" : "grey (BT.601 luma)")
            + ", "
            + (channelsFirst ? "NCHW" : "NHWC"));
    out.put(
        "resize",
        resize.label()
            + switch (resize) {
              case STRETCH -> " (bilinear, the whole image, aspect ratio not kept)";
              case CROP -> " (bilinear, the centred part with the input's aspect ratio)";
              case LETTERBOX -> " (bilinear, the whole image centred, black bands)";
            });
    out.put(
        "normalization",
        feed == DataType.UINT8
            ? "none: pixels 0..255 as they are"
            : "(pixel - " + values(mean) + ") / " + values(std) + " from " + normalizationSource);
    out.put(
        "type",
        inputType.label()
            + (inputType == DataType.INT8
                ? " (quantized by the engine with the input's scale)"
                : ""));
    return out;
  }

  /** The same as {@link #describe()}, as a JSON object with numbers as numbers. */
  public void writeJson(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("input", input);
    json.writeNumberField("width", width);
    json.writeNumberField("height", height);
    json.writeNumberField("channels", channels);
    json.writeStringField("layout", channelsFirst ? "NCHW" : "NHWC");
    json.writeStringField("resize", resize.label());
    if (feed == DataType.FLOAT32) {
      json.writeArrayFieldStart("mean");
      for (float m : mean) {
        json.writeNumber(m);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("std");
      for (float s : std) {
        json.writeNumber(s);
      }
      json.writeEndArray();
    }
    json.writeStringField("normalization", normalizationSource);
    json.writeStringField("type", inputType.label());
    json.writeEndObject();
  }

  private static String values(List<Float> values) {
    if (values.size() == 1) {
      return number(values.get(0));
    }
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(number(values.get(i)));
    }
    return text.append(']').toString();
  }

  private static String number(float value) {
    return value == Math.rint(value) ? Integer.toString((int) value) : Float.toString(value);
  }
}
