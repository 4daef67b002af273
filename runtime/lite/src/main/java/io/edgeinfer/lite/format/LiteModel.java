package io.edgeinfer.lite.format;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A TensorFlow Lite model as immutable records: what {@link TfliteFile} reads and {@link
 * TfliteWriter} writes. Every record checks itself when made, and this one checks every reference
 * between them (buffer, operator code, subgraph and tensor indices, constant sizes), so a model
 * that exists is consistent.
 *
 * @param version the schema version; {@link #SCHEMA_VERSION} for every model edgeinfer reads
 * @param description the converter's description, e.g. {@code MLIR Converted.}
 * @param operatorCodes the operators used, referred to by {@link LiteOperator#opcodeIndex()}
 * @param subgraphs subgraph 0 is the main one
 * @param buffers constant data and metadata bytes; buffer 0 is by convention empty
 * @param metadata named entries pointing at buffers
 * @param signatures named entry points; may be empty for old models
 */
public record LiteModel(
    int version,
    String description,
    List<LiteOpCode> operatorCodes,
    List<LiteSubgraph> subgraphs,
    List<LiteBuffer> buffers,
    List<LiteMetadata> metadata,
    List<LiteSignature> signatures) {

  /** The schema version of every current .tflite file (identifier {@code TFL3}). */
  public static final int SCHEMA_VERSION = 3;

  public LiteModel {
    Objects.requireNonNull(description, "description");
    operatorCodes = List.copyOf(operatorCodes);
    subgraphs = List.copyOf(subgraphs);
    buffers = List.copyOf(buffers);
    metadata = List.copyOf(metadata);
    signatures = List.copyOf(signatures);
    ModelChecks.check(operatorCodes, subgraphs, buffers, metadata, signatures);
  }

  public LiteSubgraph mainSubgraph() {
    return subgraphs.get(0);
  }

  public LiteOpCode opCode(LiteOperator op) {
    return operatorCodes.get(op.opcodeIndex());
  }

  /** The constant values of a tensor (a read-only little-endian view), empty when it has none. */
  public ByteBuffer data(LiteTensor tensor) {
    return tensor.buffer() < buffers.size()
        ? buffers.get(tensor.buffer()).data()
        : LiteBuffer.EMPTY.data();
  }

  /** Whether the tensor holds constant values in the file (weights, biases, shapes). */
  public boolean isConstant(LiteTensor tensor) {
    return tensor.buffer() < buffers.size() && !buffers.get(tensor.buffer()).isEmpty();
  }

  /** The bytes of the first metadata entry with this name. */
  public Optional<ByteBuffer> metadata(String name) {
    return metadata.stream()
        .filter(entry -> entry.name().equals(name))
        .findFirst()
        .map(entry -> buffers.get(entry.buffer()).data());
  }

  /**
   * The model with the metadata entry {@code name} holding {@code data} in a new buffer, in place
   * of any entry of that name (whose buffer stays, unused).
   */
  public LiteModel withMetadata(String name, LiteBuffer data) {
    List<LiteBuffer> newBuffers = new java.util.ArrayList<>(buffers);
    newBuffers.add(data);
    List<LiteMetadata> entries = new java.util.ArrayList<>();
    for (LiteMetadata entry : metadata) {
      if (!entry.name().equals(name)) {
        entries.add(entry);
      }
    }
    entries.add(new LiteMetadata(name, newBuffers.size() - 1));
    return new LiteModel(
        version, description, operatorCodes, subgraphs, newBuffers, entries, signatures);
  }

  public Optional<LiteSignature> signature(String key) {
    return signatures.stream().filter(s -> s.key().equals(key)).findFirst();
  }
}
