package io.edgeinfer.core.codec;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Headerless little-endian float32 data for a one-input float32 signature. The shape comes from the
 * spec: the batch is however many instances of the spec's fixed dimensions the bytes hold.
 */
final class RawInputDecoder {
  private RawInputDecoder() {}

  static Tensor decode(byte[] payload, TensorSpec spec) {
    if (spec.dataType() != DataType.FLOAT32) {
      throw new MalformedInputException(
          "raw input is little-endian float32, found "
              + spec.dataType().label()
              + " input '"
              + spec.name()
              + "': send JSON, CSV or NPY instead");
    }
    Shape declared = spec.shape();
    if (declared.isUnknownRank()) {
      throw noFixedShape(spec);
    }
    if (payload.length % 4 != 0) {
      throw new MalformedInputException(
          "expected a multiple of 4 bytes of float32, found "
              + payload.length
              + " bytes: "
              + payload.length % 4
              + " left over at byte "
              + (payload.length - payload.length % 4));
    }
    if (declared.rank() == 0) {
      if (payload.length != 4) {
        throw new MalformedInputException(
            "expected 4 bytes (one float32 for scalar input '"
                + spec.name()
                + "'), found "
                + payload.length);
      }
      return Tensor.of(DataType.FLOAT32, declared, ByteBuffer.wrap(payload));
    }
    int[] dims = declared.dims();
    int[] instanceDims = Arrays.copyOfRange(dims, 1, dims.length);
    Shape instance = Shape.of(instanceDims);
    if (!instance.isFullyKnown()) {
      throw noFixedShape(spec);
    }
    long instanceBytes = instance.elementCount() * 4;
    String perInstance =
        instanceBytes
            + " bytes ("
            + instance.elementCount()
            + " float32 values per instance of input '"
            + spec.name()
            + "' "
            + declared
            + ")";
    if (payload.length == 0 || instanceBytes == 0) {
      throw new MalformedInputException(
          "expected instances of " + perInstance + ", found " + payload.length + " bytes");
    }
    if (payload.length % instanceBytes != 0) {
      long whole = payload.length / instanceBytes * instanceBytes;
      throw new MalformedInputException(
          "expected a multiple of "
              + perInstance
              + ", found "
              + payload.length
              + " bytes: "
              + (payload.length - whole)
              + " left over at byte "
              + whole);
    }
    int[] shape = dims.clone();
    shape[0] = (int) (payload.length / instanceBytes);
    return Tensor.of(DataType.FLOAT32, Shape.of(shape), ByteBuffer.wrap(payload));
  }

  private static MalformedInputException noFixedShape(TensorSpec spec) {
    return new MalformedInputException(
        "raw input needs fixed dimensions after the batch dimension, found input '"
            + spec.name()
            + "' "
            + spec.shape()
            + ": send JSON or NPY instead");
  }
}
