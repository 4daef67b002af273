package io.edgeinfer.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A loaded model. Closing it releases native or mapped memory; predictors made from it stop. */
public interface Model extends AutoCloseable {
  /** Where the model was loaded from. */
  Path path();

  /** The name of the engine that loaded it, e.g. {@code tensorflow}. */
  String engine();

  /** Every signature, in a stable order. */
  List<Signature> signatures();

  /** Format-specific facts for {@code inspect}: tags, versions, op counts. */
  Map<String, String> metadata();

  /**
   * A predictor for the named signature.
   *
   * @throws ModelException naming the available signatures when there is no such signature
   */
  Predictor predictor(String signature) throws ModelException;

  /** A predictor for {@link Signature#DEFAULT_NAME}, or the only signature if there is one. */
  default Predictor predictor() throws ModelException {
    return predictor(defaultSignature().name());
  }

  /** The signature served unless another is named. */
  default Signature defaultSignature() throws ModelException {
    return Signatures.pick(signatures(), null);
  }

  /**
   * What the model file says about a signature's input (normalization, label files), when its
   * format carries such metadata (TFLite model metadata).
   */
  default Optional<TensorMetadata> inputMetadata(String signature, String input) {
    return Optional.empty();
  }

  /** What the model file says about a signature's output (label files), when it says anything. */
  default Optional<TensorMetadata> outputMetadata(String signature, String output) {
    return Optional.empty();
  }

  /**
   * A file packed with the model (a labels file named by {@link TensorMetadata}), when the model
   * has one of that name.
   *
   * @throws ModelException when the packed file cannot be read
   */
  default Optional<byte[]> packedFile(String name) throws ModelException {
    return Optional.empty();
  }

  @Override
  void close();
}
