package io.edgeinfer.core.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Tensor;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Writes a tensor, or one instance of it, as a JSON scalar or nested lists. */
final class JsonTensorWriter {
  private final JsonGenerator json;
  private final Tensor tensor;
  private final int[] dims;
  private final List<byte[]> strings;

  JsonTensorWriter(JsonGenerator json, Tensor tensor) {
    this.json = json;
    this.tensor = tensor;
    this.dims = tensor.shape().dims();
    this.strings = tensor.dataType() == DataType.STRING ? tensor.strings() : null;
  }

  /** The whole tensor; a scalar for rank 0. */
  void writeAll() throws IOException {
    writeNested(0, 0);
  }

  /** Instance {@code i} along the first dimension; a rank-0 tensor is its own only instance. */
  void writeInstance(int i) throws IOException {
    if (dims.length == 0) {
      writeElement(0);
    } else {
      writeNested(1, i * Outputs.instanceSize(tensor));
    }
  }

  private void writeNested(int axis, int offset) throws IOException {
    if (axis == dims.length) {
      writeElement(offset);
      return;
    }
    int stride = 1;
    for (int i = axis + 1; i < dims.length; i++) {
      stride *= dims[i];
    }
    json.writeStartArray();
    for (int k = 0; k < dims[axis]; k++) {
      writeNested(axis + 1, offset + k * stride);
    }
    json.writeEndArray();
  }

  private void writeElement(int index) throws IOException {
    switch (tensor.dataType()) {
      case FLOAT32, FLOAT16 -> {
        float value = (float) tensor.getDouble(index);
        if (Float.isFinite(value)) {
          json.writeNumber(value); // Float.toString: the shortest text that reads back the same
        } else {
          writeNonFinite(value);
        }
      }
      case FLOAT64 -> {
        double value = tensor.getDouble(index);
        if (Double.isFinite(value)) {
          json.writeNumber(value);
        } else {
          writeNonFinite(value);
        }
      }
      case BOOL -> json.writeBoolean(tensor.getLong(index) != 0);
      case STRING -> writeString(strings.get(index));
      default -> json.writeNumber(tensor.getLong(index));
    }
  }

  /**
   * Bare NaN, Infinity and -Infinity as TF Serving writes them, whatever the caller's generator
   * would do with a non-finite number (by default it quotes them).
   */
  private void writeNonFinite(double value) throws IOException {
    json.writeNumber(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
  }

  private void writeString(byte[] bytes) throws IOException {
    Optional<String> text = Elements.utf8(bytes);
    if (text.isPresent()) {
      json.writeString(text.get());
    } else {
      json.writeStartObject();
      json.writeStringField("b64", Base64.getEncoder().encodeToString(bytes));
      json.writeEndObject();
    }
  }
}
