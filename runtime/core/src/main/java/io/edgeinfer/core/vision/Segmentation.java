package io.edgeinfer.core.vision;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A category per pixel of the original image: {@code {"task":"segment","image":{"width":W,
 * "height":H},"mask":"photo.mask.png","pixels":{"background":N,"cat":M}}}. {@code "mask"} names the
 * PNG written with {@link #maskPng()} once a caller has written it ({@link #withMaskFile}).
 *
 * @param mask the category index of each pixel, row-major, {@code width * height} bytes (read
 *     unsigned)
 * @param labels the label of each category index; shorter (or empty) when the model has fewer
 *     labels, and then a category is named {@code class N}
 * @param maskFile the mask PNG's file name, or null when none was written
 */
public record Segmentation(int width, int height, byte[] mask, List<String> labels, String maskFile)
    implements VisionResult {
  public Segmentation {
    if (mask.length != width * height) {
      throw new IllegalArgumentException(
          "expected " + width * height + " mask bytes, found " + mask.length);
    }
    labels = List.copyOf(labels);
  }

  @Override
  public VisionTask task() {
    return VisionTask.SEGMENT;
  }

  /** The same result naming the mask PNG {@code fileName}. */
  public Segmentation withMaskFile(String fileName) {
    return new Segmentation(width, height, mask, labels, fileName);
  }

  /** The category index at pixel {@code (x, y)}. */
  public int category(int x, int y) {
    return mask[y * width + x] & 0xff;
  }

  /** The name of category {@code index}: its label, else {@code class N}. */
  public String label(int index) {
    return index < labels.size() ? labels.get(index) : "class " + index;
  }

  /** How many pixels each category present covers, by label, in category order. */
  public Map<String, Long> pixels() {
    long[] counts = counts();
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        out.merge(label(i), counts[i], Long::sum);
      }
    }
    return out;
  }

  /** The category indices present in the mask, in order. */
  public List<Integer> categories() {
    long[] counts = counts();
    List<Integer> present = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        present.add(i);
      }
    }
    return present;
  }

  private long[] counts() {
    long[] counts = new long[256];
    for (byte b : mask) {
      counts[b & 0xff]++;
    }
    return counts;
  }

  /**
   * The category mask as an indexed-colour PNG: each pixel's value is its category index (what a
   * program reads), shown in the PASCAL VOC colours (what a person sees).
   */
  public byte[] maskPng() {
    return MaskPng.encode(width, height, mask);
  }

  @Override
  public void writeFields(JsonGenerator json) throws IOException {
    json.writeStringField("task", task().label());
    json.writeObjectFieldStart("image");
    json.writeNumberField("width", width);
    json.writeNumberField("height", height);
    json.writeEndObject();
    if (maskFile != null) {
      json.writeStringField("mask", maskFile);
    }
    json.writeObjectFieldStart("pixels");
    for (Map.Entry<String, Long> e : pixels().entrySet()) {
      json.writeNumberField(e.getKey(), e.getValue());
    }
    json.writeEndObject();
  }
}
