package io.edgeinfer.core.codec;

import io.edgeinfer.core.Tensor;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reading single output elements the way the encoders print them. */
final class Elements {
  private Elements() {}

  /** The text of a byte string when it is valid UTF-8; otherwise it is sent as base64. */
  static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** A numeric element as text: the shortest float32 form for float32, integers as integers. */
  static String text(Tensor tensor, int index) {
    return switch (tensor.dataType()) {
      case FLOAT32, FLOAT16 -> Float.toString((float) tensor.getDouble(index));
      case FLOAT64 -> Double.toString(tensor.getDouble(index));
      case BOOL -> tensor.getLong(index) != 0 ? "true" : "false";
      case STRING -> throw new IllegalStateException("strings are not numbers");
      default -> Long.toString(tensor.getLong(index));
    };
  }
}
