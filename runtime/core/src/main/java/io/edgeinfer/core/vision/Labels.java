package io.edgeinfer.core.vision;

import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.TensorMetadata;
import io.edgeinfer.core.TensorSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Class labels, one per line, line n (from 0) for class n: from {@code --labels FILE}, else the
 * labels file the model's metadata names for its outputs and packs inside itself.
 *
 * @param labels the labels, empty when there are none
 * @param source where they came from, for {@code inspect}
 */
record Labels(List<String> labels, String source) {
  static final Labels NONE = new Labels(List.of(), "none");

  static Labels load(Model model, Signature signature, VisionOptions options)
      throws ModelException {
    if (options.labels() != null) {
      Path file = options.labels();
      try {
        List<String> lines = parse(Files.readAllBytes(file));
        return new Labels(lines, file + " (" + lines.size() + " labels)");
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "expected a readable labels file, found " + file + ": " + e.getMessage(), e);
      }
    }
    for (TensorSpec output : signature.outputs()) {
      Optional<TensorMetadata> metadata = model.outputMetadata(signature.name(), output.name());
      if (metadata.isEmpty()) {
        continue;
      }
      List<String> names = new ArrayList<>(metadata.get().axisLabels());
      names.addAll(metadata.get().valueLabels());
      for (String name : names) {
        Optional<byte[]> bytes = model.packedFile(name);
        if (bytes.isPresent()) {
          List<String> lines = parse(bytes.get());
          return new Labels(lines, name + " packed in the model (" + lines.size() + " labels)");
        }
      }
    }
    return NONE;
  }

  /** Lines of UTF-8 text, each stripped; a last empty line is no label. */
  static List<String> parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(text.lines().map(String::strip).toList());
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return List.copyOf(lines);
  }

  /** The label of class {@code index}, or null when there is none for it. */
  String of(int index) {
    return index >= 0 && index < labels.size() ? labels.get(index) : null;
  }
}
