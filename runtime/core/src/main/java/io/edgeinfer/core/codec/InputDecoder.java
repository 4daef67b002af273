package io.edgeinfer.core.codec;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a request payload into a signature's input tensors. */
public final class InputDecoder {
  private InputDecoder() {}

  /**
   * Decodes one payload into the signature's input tensors (batched along dimension 0), conformed
   * to the specs' types and, where they differ only by trailing dimensions of size 1, shapes.
   * Shapes are not otherwise checked: run {@link io.edgeinfer.core.InputValidator} next.
   *
   * @throws MalformedInputException when the payload cannot be read, or its format cannot serve
   *     this signature (CSV, NPY and raw data carry one input)
   */
  public static DecodedInput decode(Format format, byte[] payload, Signature signature) {
    return decode(format, payload, signature, Map.of());
  }

  /**
   * As {@link #decode(Format, byte[], Signature)}, but an input decoded with the type {@code
   * rawTypes} names for it (e.g. a uint8 NPY for a quantized uint8 input) is kept as it is, for the
   * engine to feed raw.
   */
  public static DecodedInput decode(
      Format format, byte[] payload, Signature signature, Map<String, DataType> rawTypes) {
    DecodedInput decoded =
        format == Format.JSON
            ? JsonInputDecoder.decode(payload, signature)
            : single(format, payload, signature);
    Map<String, Tensor> conformed = new LinkedHashMap<>();
    decoded
        .inputs()
        .forEach(
            (name, tensor) ->
                conformed.put(
                    name,
                    tensor.dataType() == rawTypes.get(name)
                        ? tensor
                        : Conformer.conform(tensor, signature.input(name).orElseThrow())));
    return new DecodedInput(conformed, decoded.signatureName(), decoded.columnar(), decoded.id());
  }

  /** CSV, NPY and raw payloads hold one tensor, so they serve one-input signatures only. */
  private static DecodedInput single(Format format, byte[] payload, Signature signature) {
    TensorSpec spec = onlyInput(format, signature);
    Tensor tensor =
        switch (format) {
          case CSV -> CsvInputDecoder.decode(payload, spec);
          case NPY -> NpyCodec.read(payload);
          case RAW -> RawInputDecoder.decode(payload, spec);
          case JSON -> throw new IllegalStateException("JSON carries named inputs");
        };
    return new DecodedInput(Map.of(spec.name(), tensor), null, false);
  }

  private static TensorSpec onlyInput(Format format, Signature signature) {
    if (signature.inputs().size() != 1) {
      throw new MalformedInputException(
          format.name()
              + " input needs a signature with exactly one input, found "
              + signature.inputs().size()
              + (signature.inputs().isEmpty()
                  ? ""
                  : " (" + String.join(", ", signature.inputNames()) + ")")
              + " in signature '"
              + signature.name()
              + "': send JSON instead");
    }
    return signature.inputs().get(0);
  }
}
