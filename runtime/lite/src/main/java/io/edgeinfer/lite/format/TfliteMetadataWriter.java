package io.edgeinfer.lite.format;

import com.google.flatbuffers.FlatBufferBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@link TfliteMetadata} as the flatbuffer TFLite's metadata tooling reads (file identifier
 * {@code M001}, entry {@value TfliteMetadata#ENTRY}), with the field ids of its schema in their
 * order: the model's name, description, version, author and license; one subgraph with each input's
 * and output's name, description, content (feature values), normalization and associated files. The
 * files themselves go in a zip after the model ({@link AppendedZip}).
 */
public final class TfliteMetadataWriter {
  /** The oldest metadata parser that reads every field written here (TFLite's own rule). */
  public static final String MIN_PARSER_VERSION = "1.0.0";

  private static final String IDENTIFIER = "M001";

  private TfliteMetadataWriter() {}

  /** Field ids of the schema's tables, in its order (metadata_schema.fbs). */
  private static final class ModelMetadata {
    static final int NAME = 0;
    static final int DESCRIPTION = 1;
    static final int VERSION = 2;
    static final int SUBGRAPH_METADATA = 3;
    static final int AUTHOR = 4;
    static final int LICENSE = 5;
    static final int ASSOCIATED_FILES = 6;
    static final int MIN_PARSER_VERSION = 7;
    static final int FIELDS = 8;
  }

  private static final class SubGraphMetadata {
    static final int NAME = 0;
    static final int INPUT_TENSOR_METADATA = 2;
    static final int OUTPUT_TENSOR_METADATA = 3;
    static final int FIELDS = 5;
  }

  private static final class TensorMetadata {
    static final int NAME = 0;
    static final int DESCRIPTION = 1;
    static final int CONTENT = 3;
    static final int PROCESS_UNITS = 4;
    static final int ASSOCIATED_FILES = 6;
    static final int FIELDS = 7;
  }

  private static final class Content {
    static final int PROPERTIES_TYPE = 0;
    static final int PROPERTIES = 1;
    static final int FIELDS = 2;
    static final byte FEATURE_PROPERTIES = 1; // the ContentProperties union member
  }

  private static final class ProcessUnit {
    static final int OPTIONS_TYPE = 0;
    static final int OPTIONS = 1;
    static final int FIELDS = 2;
    static final byte NORMALIZATION_OPTIONS = 1; // the ProcessUnitOptions union member
  }

  private static final class NormalizationOptions {
    static final int MEAN = 0;
    static final int STD = 1;
    static final int FIELDS = 2;
  }

  private static final class AssociatedFile {
    static final int NAME = 0;
    static final int DESCRIPTION = 1;
    static final int TYPE = 2;
    static final int FIELDS = 3;
  }

  /** The {@code AssociatedFileType} enum, by number. */
  private static final List<String> FILE_TYPES =
      List.of(
          "UNKNOWN",
          "DESCRIPTIONS",
          "TENSOR_AXIS_LABELS",
          "TENSOR_VALUE_LABELS",
          "TENSOR_AXIS_SCORE_CALIBRATION",
          "VOCABULARY",
          "SCANN_INDEX_FILE");

  /**
   * The metadata flatbuffer's bytes (empty license and parser version are left out, as in files
   * older tooling wrote). Model-level files ({@link TfliteMetadata#files()}) are written on the
   * model; each tensor's on the tensor.
   *
   * @throws IllegalArgumentException for a file type the schema does not have
   */
  public static byte[] toBytes(TfliteMetadata metadata) {
    FlatBufferBuilder b = new FlatBufferBuilder(1024);
    int inputs = tensors(b, metadata.inputs());
    int outputs = tensors(b, metadata.outputs());
    int graphName = b.createString(metadata.name());
    b.startTable(SubGraphMetadata.FIELDS);
    b.addOffset(SubGraphMetadata.NAME, graphName, 0);
    b.addOffset(SubGraphMetadata.INPUT_TENSOR_METADATA, inputs, 0);
    b.addOffset(SubGraphMetadata.OUTPUT_TENSOR_METADATA, outputs, 0);
    int graph = b.endTable();
    int graphs = b.createVectorOfTables(new int[] {graph});
    int files = files(b, metadata.files());
    int name = b.createString(metadata.name());
    int description = b.createString(metadata.description());
    int version = b.createString(metadata.version());
    int author = b.createString(metadata.author());
    int license = metadata.license().isEmpty() ? 0 : b.createString(metadata.license());
    int parser =
        metadata.minParserVersion().isEmpty() ? 0 : b.createString(metadata.minParserVersion());
    b.startTable(ModelMetadata.FIELDS);
    b.addOffset(ModelMetadata.NAME, name, 0);
    b.addOffset(ModelMetadata.DESCRIPTION, description, 0);
    b.addOffset(ModelMetadata.VERSION, version, 0);
    b.addOffset(ModelMetadata.SUBGRAPH_METADATA, graphs, 0);
    b.addOffset(ModelMetadata.AUTHOR, author, 0);
    b.addOffset(ModelMetadata.LICENSE, license, 0);
    b.addOffset(ModelMetadata.ASSOCIATED_FILES, files, 0);
    b.addOffset(ModelMetadata.MIN_PARSER_VERSION, parser, 0);
    b.finish(b.endTable(), IDENTIFIER);
    return b.sizedByteArray();
  }

  /** The model with the metadata as its {@value TfliteMetadata#ENTRY} entry (replacing one). */
  public static LiteModel attach(LiteModel model, TfliteMetadata metadata) {
    List<LiteBuffer> buffers = new ArrayList<>(model.buffers());
    buffers.add(LiteBuffer.of(toBytes(metadata)));
    List<LiteMetadata> entries = new ArrayList<>();
    for (LiteMetadata entry : model.metadata()) {
      if (!entry.name().equals(TfliteMetadata.ENTRY)) {
        entries.add(entry);
      }
    }
    entries.add(new LiteMetadata(TfliteMetadata.ENTRY, buffers.size() - 1));
    return new LiteModel(
        model.version(),
        model.description(),
        model.operatorCodes(),
        model.subgraphs(),
        buffers,
        entries,
        model.signatures());
  }

  private static int tensors(FlatBufferBuilder b, List<TfliteMetadata.TensorInfo> tensors) {
    int[] offsets = new int[tensors.size()];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = tensor(b, tensors.get(i));
    }
    return b.createVectorOfTables(offsets);
  }

  private static int tensor(FlatBufferBuilder b, TfliteMetadata.TensorInfo tensor) {
    int name = b.createString(tensor.name());
    int description = b.createString(tensor.description());
    // Our files take numbers, not images or audio: TFLite's writers say "feature" for those.
    b.startTable(0);
    int feature = b.endTable();
    b.startTable(Content.FIELDS);
    b.addByte(Content.PROPERTIES_TYPE, Content.FEATURE_PROPERTIES, 0);
    b.addOffset(Content.PROPERTIES, feature, 0);
    int content = b.endTable();
    int units = 0;
    if (!tensor.mean().isEmpty() || !tensor.std().isEmpty()) {
      int mean = Vectors.floats(b, tensor.mean());
      int std = Vectors.floats(b, tensor.std());
      b.startTable(NormalizationOptions.FIELDS);
      b.addOffset(NormalizationOptions.MEAN, mean, 0);
      b.addOffset(NormalizationOptions.STD, std, 0);
      int options = b.endTable();
      b.startTable(ProcessUnit.FIELDS);
      b.addByte(ProcessUnit.OPTIONS_TYPE, ProcessUnit.NORMALIZATION_OPTIONS, 0);
      b.addOffset(ProcessUnit.OPTIONS, options, 0);
      units = b.createVectorOfTables(new int[] {b.endTable()});
    }
    int files = files(b, tensor.files());
    b.startTable(TensorMetadata.FIELDS);
    b.addOffset(TensorMetadata.NAME, name, 0);
    b.addOffset(TensorMetadata.DESCRIPTION, description, 0);
    b.addOffset(TensorMetadata.CONTENT, content, 0);
    b.addOffset(TensorMetadata.PROCESS_UNITS, units, 0);
    b.addOffset(TensorMetadata.ASSOCIATED_FILES, files, 0);
    return b.endTable();
  }

  /** A vector of files, or no field at all when there are none. */
  private static int files(FlatBufferBuilder b, List<TfliteMetadata.AssociatedFile> files) {
    if (files.isEmpty()) {
      return 0;
    }
    int[] offsets = new int[files.size()];
    for (int i = 0; i < offsets.length; i++) {
      TfliteMetadata.AssociatedFile file = files.get(i);
      int type = FILE_TYPES.indexOf(file.type());
      if (type < 0) {
        throw new IllegalArgumentException(
            "expected an associated file type among " + FILE_TYPES + ", found " + file.type());
      }
      int name = b.createString(file.name());
      int description = b.createString(file.description());
      b.startTable(AssociatedFile.FIELDS);
      b.addOffset(AssociatedFile.NAME, name, 0);
      b.addOffset(AssociatedFile.DESCRIPTION, description, 0);
      b.addByte(AssociatedFile.TYPE, (byte) type, 0);
      offsets[i] = b.endTable();
    }
    return b.createVectorOfTables(offsets);
  }
}
