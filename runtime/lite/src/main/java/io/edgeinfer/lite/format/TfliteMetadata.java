package io.edgeinfer.lite.format;

import io.edgeinfer.core.MalformedModelException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * TensorFlow Lite model metadata: the flatbuffer (file identifier {@code M001}) that TFLite's
 * metadata writer stores in the model's metadata entry {@code TFLITE_METADATA}. Read with field
 * accessors written from the order of the fields in its schema, for what {@code inspect} shows: the
 * model's name and description, each input's normalization (mean, std) and the associated files
 * (labels, vocabularies) that the writer packs into a zip appended to the .tflite file.
 *
 * @param files associated files of the model and of its (first) subgraph
 */
public record TfliteMetadata(
    String name,
    String description,
    String version,
    String author,
    String license,
    String minParserVersion,
    List<TensorInfo> inputs,
    List<TensorInfo> outputs,
    List<AssociatedFile> files) {

  /** The metadata entry's name in the model. */
  public static final String ENTRY = "TFLITE_METADATA";

  /**
   * One input or output tensor's metadata.
   *
   * @param mean the normalization's means (empty when the tensor declares none): the model wants
   *     {@code (value - mean) / std}
   */
  public record TensorInfo(
      String name,
      String description,
      List<Float> mean,
      List<Float> std,
      List<AssociatedFile> files) {}

  /** A file packed with the model, e.g. {@code labels.txt} of type {@code TENSOR_AXIS_LABELS}. */
  public record AssociatedFile(String name, String description, String type) {}

  /**
   * The label file of the first output that has one ({@code TENSOR_AXIS_LABELS}: one label per
   * position along the output's class axis), as TFLite's classifiers find their labels.
   */
  public java.util.Optional<String> axisLabelsFile() {
    return outputs.stream()
        .flatMap(t -> t.files().stream())
        .filter(f -> f.type().equals("TENSOR_AXIS_LABELS"))
        .map(AssociatedFile::name)
        .findFirst();
  }

  /**
   * Reads the metadata flatbuffer, from the buffer's position to its limit. Every offset and length
   * is checked against the bytes: the model's verifier does not look inside metadata.
   *
   * @throws MalformedModelException when it is not TFLite metadata or points outside its bytes
   */
  public static TfliteMetadata read(ByteBuffer bytes) throws MalformedModelException {
    ByteBuffer bb = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
    if (bb.limit() < 8) {
      throw new MalformedModelException(ENTRY + ": expected at least 8 bytes, found " + bb.limit());
    }
    byte[] id = new byte[4];
    bb.get(4, id);
    String found = new String(id, StandardCharsets.ISO_8859_1);
    if (!found.equals(MetadataSchema.IDENTIFIER)) {
      throw new MalformedModelException(
          ENTRY
              + ": expected the identifier '"
              + MetadataSchema.IDENTIFIER
              + "', found '"
              + found
              + "'");
    }
    try {
      return new Reader(bb).model();
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      throw new MalformedModelException(
          ENTRY + ": expected offsets within its " + bb.limit() + " bytes, found " + e.getMessage(),
          e);
    }
  }

  /** Reads tables, refusing vectors longer than the bytes could hold. */
  private record Reader(ByteBuffer bb) {
    TfliteMetadata model() {
      FlatTable m = FlatTable.root(bb);
      List<TensorInfo> inputs = List.of();
      List<TensorInfo> outputs = List.of();
      List<AssociatedFile> files =
          new ArrayList<>(files(m, MetadataSchema.ModelMetadata.ASSOCIATED_FILES));
      if (length(m, MetadataSchema.ModelMetadata.SUBGRAPH_METADATA, 4) > 0) {
        FlatTable graph = m.element(MetadataSchema.ModelMetadata.SUBGRAPH_METADATA, 0);
        inputs = tensors(graph, MetadataSchema.SubGraphMetadata.INPUT_TENSOR_METADATA);
        outputs = tensors(graph, MetadataSchema.SubGraphMetadata.OUTPUT_TENSOR_METADATA);
        files.addAll(files(graph, MetadataSchema.SubGraphMetadata.ASSOCIATED_FILES));
      }
      return new TfliteMetadata(
          string(m, MetadataSchema.ModelMetadata.NAME),
          string(m, MetadataSchema.ModelMetadata.DESCRIPTION),
          string(m, MetadataSchema.ModelMetadata.VERSION),
          string(m, MetadataSchema.ModelMetadata.AUTHOR),
          string(m, MetadataSchema.ModelMetadata.LICENSE),
          string(m, MetadataSchema.ModelMetadata.MIN_PARSER_VERSION),
          inputs,
          outputs,
          List.copyOf(files));
    }

    private List<TensorInfo> tensors(FlatTable graph, int id) {
      List<TensorInfo> tensors = new ArrayList<>();
      for (int i = 0; i < length(graph, id, 4); i++) {
        FlatTable t = graph.element(id, i);
        List<Float> mean = List.of();
        List<Float> std = List.of();
        for (int u = 0; u < length(t, MetadataSchema.TensorMetadata.PROCESS_UNITS, 4); u++) {
          FlatTable unit = t.element(MetadataSchema.TensorMetadata.PROCESS_UNITS, u);
          if (unit.uint8(MetadataSchema.ProcessUnit.OPTIONS_TYPE)
              == MetadataSchema.ProcessUnit.NORMALIZATION_OPTIONS) {
            FlatTable options = unit.table(MetadataSchema.ProcessUnit.OPTIONS);
            length(options, MetadataSchema.NormalizationOptions.MEAN, 4);
            length(options, MetadataSchema.NormalizationOptions.STD, 4);
            mean = Lists.floats(options.float32s(MetadataSchema.NormalizationOptions.MEAN));
            std = Lists.floats(options.float32s(MetadataSchema.NormalizationOptions.STD));
          }
        }
        tensors.add(
            new TensorInfo(
                string(t, MetadataSchema.TensorMetadata.NAME),
                string(t, MetadataSchema.TensorMetadata.DESCRIPTION),
                mean,
                std,
                files(t, MetadataSchema.TensorMetadata.ASSOCIATED_FILES)));
      }
      return List.copyOf(tensors);
    }

    private List<AssociatedFile> files(FlatTable table, int id) {
      List<AssociatedFile> files = new ArrayList<>();
      for (int i = 0; i < length(table, id, 4); i++) {
        FlatTable f = table.element(id, i);
        int type = f.uint8(MetadataSchema.AssociatedFile.TYPE);
        files.add(
            new AssociatedFile(
                string(f, MetadataSchema.AssociatedFile.NAME),
                string(f, MetadataSchema.AssociatedFile.DESCRIPTION),
                type < MetadataSchema.FILE_TYPES.size()
                    ? MetadataSchema.FILE_TYPES.get(type)
                    : "type " + type));
      }
      return List.copyOf(files);
    }

    private String string(FlatTable table, int id) {
      length(table, id, 1);
      return table.string(id);
    }

    /** A vector's length, checked to fit in the bytes before anything is allocated for it. */
    private int length(FlatTable table, int id, int elementBytes) {
      int length = table.length(id);
      if (length < 0 || (long) length * elementBytes > bb.limit()) {
        throw new IllegalArgumentException(
            "a vector of " + length + " elements of " + elementBytes + " bytes");
      }
      return length;
    }
  }
}
