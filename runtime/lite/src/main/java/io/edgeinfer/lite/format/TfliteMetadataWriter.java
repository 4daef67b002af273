package io.edgeinfer.lite.format;

import com.google.flatbuffers.FlatBufferBuilder;
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

  private TfliteMetadataWriter() {}

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
    b.startTable(MetadataSchema.SubGraphMetadata.FIELDS);
    b.addOffset(MetadataSchema.SubGraphMetadata.NAME, graphName, 0);
    b.addOffset(MetadataSchema.SubGraphMetadata.INPUT_TENSOR_METADATA, inputs, 0);
    b.addOffset(MetadataSchema.SubGraphMetadata.OUTPUT_TENSOR_METADATA, outputs, 0);
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
    b.startTable(MetadataSchema.ModelMetadata.FIELDS);
    b.addOffset(MetadataSchema.ModelMetadata.NAME, name, 0);
    b.addOffset(MetadataSchema.ModelMetadata.DESCRIPTION, description, 0);
    b.addOffset(MetadataSchema.ModelMetadata.VERSION, version, 0);
    b.addOffset(MetadataSchema.ModelMetadata.SUBGRAPH_METADATA, graphs, 0);
    b.addOffset(MetadataSchema.ModelMetadata.AUTHOR, author, 0);
    b.addOffset(MetadataSchema.ModelMetadata.LICENSE, license, 0);
    b.addOffset(MetadataSchema.ModelMetadata.ASSOCIATED_FILES, files, 0);
    b.addOffset(MetadataSchema.ModelMetadata.MIN_PARSER_VERSION, parser, 0);
    b.finish(b.endTable(), MetadataSchema.IDENTIFIER);
    return b.sizedByteArray();
  }

  /** The model with the metadata as its {@value TfliteMetadata#ENTRY} entry (replacing one). */
  public static LiteModel attach(LiteModel model, TfliteMetadata metadata) {
    return model.withMetadata(TfliteMetadata.ENTRY, LiteBuffer.of(toBytes(metadata)));
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
    b.startTable(MetadataSchema.Content.FIELDS);
    b.addByte(MetadataSchema.Content.PROPERTIES_TYPE, MetadataSchema.Content.FEATURE_PROPERTIES, 0);
    b.addOffset(MetadataSchema.Content.PROPERTIES, feature, 0);
    int content = b.endTable();
    int units = 0;
    if (!tensor.mean().isEmpty() || !tensor.std().isEmpty()) {
      int mean = Vectors.floats(b, tensor.mean());
      int std = Vectors.floats(b, tensor.std());
      b.startTable(MetadataSchema.NormalizationOptions.FIELDS);
      b.addOffset(MetadataSchema.NormalizationOptions.MEAN, mean, 0);
      b.addOffset(MetadataSchema.NormalizationOptions.STD, std, 0);
      int options = b.endTable();
      b.startTable(MetadataSchema.ProcessUnit.FIELDS);
      b.addByte(
          MetadataSchema.ProcessUnit.OPTIONS_TYPE,
          MetadataSchema.ProcessUnit.NORMALIZATION_OPTIONS,
          0);
      b.addOffset(MetadataSchema.ProcessUnit.OPTIONS, options, 0);
      units = b.createVectorOfTables(new int[] {b.endTable()});
    }
    int files = files(b, tensor.files());
    b.startTable(MetadataSchema.TensorMetadata.FIELDS);
    b.addOffset(MetadataSchema.TensorMetadata.NAME, name, 0);
    b.addOffset(MetadataSchema.TensorMetadata.DESCRIPTION, description, 0);
    b.addOffset(MetadataSchema.TensorMetadata.CONTENT, content, 0);
    b.addOffset(MetadataSchema.TensorMetadata.PROCESS_UNITS, units, 0);
    b.addOffset(MetadataSchema.TensorMetadata.ASSOCIATED_FILES, files, 0);
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
      int type = MetadataSchema.FILE_TYPES.indexOf(file.type());
      if (type < 0) {
        throw new IllegalArgumentException(
            "expected an associated file type among "
                + MetadataSchema.FILE_TYPES
                + ", found "
                + file.type());
      }
      int name = b.createString(file.name());
      int description = b.createString(file.description());
      b.startTable(MetadataSchema.AssociatedFile.FIELDS);
      b.addOffset(MetadataSchema.AssociatedFile.NAME, name, 0);
      b.addOffset(MetadataSchema.AssociatedFile.DESCRIPTION, description, 0);
      b.addByte(MetadataSchema.AssociatedFile.TYPE, (byte) type, 0);
      offsets[i] = b.endTable();
    }
    return b.createVectorOfTables(offsets);
  }
}
