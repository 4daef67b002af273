package io.edgeinfer.mqtt;

import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelCard;
import io.edgeinfer.core.ModelException;
import java.nio.file.Path;
import java.util.List;

/**
 * What replies and status messages say about the model being served.
 *
 * @param version the model's own version (see {@link #versionOf}), or null when it declares none
 * @param classLabels labels for the class ids of a classifier (from its model card), else empty
 */
public record ModelInfo(String name, String version, String engine, List<String> classLabels) {
  /** The metadata key under which the lite engine gives a TFLite Metadata version. */
  static final String TFLITE_METADATA_VERSION = "tflite_metadata.version";

  public ModelInfo {
    classLabels = List.copyOf(classLabels);
  }

  /** The model's name (its file or folder), version, engine and class labels. */
  public static ModelInfo of(Model model) throws ModelException {
    return new ModelInfo(
        model.path().getFileName().toString(),
        versionOf(model),
        model.engine(),
        ModelCard.of(model).map(ModelCard::classLabels).orElse(List.of()));
  }

  /**
   * The version the model declares: its TFLite Metadata's {@code version} (what Google's Model
   * Maker and the metadata writers set), else an engine's {@code model_version} metadata, else the
   * number of a TensorFlow Serving version folder ({@code models/digits/3} is version 3); else
   * null.
   */
  public static String versionOf(Model model) {
    String declared = model.metadata().get(TFLITE_METADATA_VERSION);
    if (declared == null || declared.isBlank()) {
      declared = model.metadata().get("model_version");
    }
    if (declared != null && !declared.isBlank()) {
      return declared;
    }
    Path name = model.path().toAbsolutePath().normalize().getFileName();
    return name != null && name.toString().matches("[0-9]{1,18}") ? name.toString() : null;
  }

  /** edgeinfer's own version (from the jar's manifest; {@code dev} when run from classes). */
  public String edgeinferVersion() {
    String version = ModelInfo.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
