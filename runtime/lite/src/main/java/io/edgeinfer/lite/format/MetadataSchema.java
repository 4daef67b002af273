package io.edgeinfer.lite.format;

import java.util.List;

/**
 * Where each field of TFLite's model metadata flatbuffer lives ({@code metadata_schema.fbs}, file
 * identifier {@code M001}): the field ids of the tables {@link TfliteMetadata} reads and {@link
 * TfliteMetadataWriter} writes, in their schema's order (a union takes two ids: its type, then its
 * value), and the numbers of the enums and union members used.
 */
final class MetadataSchema {
  private MetadataSchema() {}

  static final String IDENTIFIER = "M001";

  static final class ModelMetadata {
    static final int NAME = 0;
    static final int DESCRIPTION = 1;
    static final int VERSION = 2;
    static final int SUBGRAPH_METADATA = 3;
    static final int AUTHOR = 4;
    static final int LICENSE = 5;
    static final int ASSOCIATED_FILES = 6;
    static final int MIN_PARSER_VERSION = 7;
    static final int FIELDS = 8;

    private ModelMetadata() {}
  }

  static final class SubGraphMetadata {
    static final int NAME = 0;
    static final int INPUT_TENSOR_METADATA = 2;
    static final int OUTPUT_TENSOR_METADATA = 3;
    static final int ASSOCIATED_FILES = 4;
    static final int FIELDS = 5;

    private SubGraphMetadata() {}
  }

  static final class TensorMetadata {
    static final int NAME = 0;
    static final int DESCRIPTION = 1;
    static final int CONTENT = 3;
    static final int PROCESS_UNITS = 4;
    static final int ASSOCIATED_FILES = 6;
    static final int FIELDS = 7;

    private TensorMetadata() {}
  }

  static final class Content {
    static final int PROPERTIES_TYPE = 0;
    static final int PROPERTIES = 1;
    static final int FIELDS = 2;
    static final byte FEATURE_PROPERTIES = 1; // the ContentProperties union member

    private Content() {}
  }

  static final class ProcessUnit {
    static final int OPTIONS_TYPE = 0;
    static final int OPTIONS = 1;
    static final int FIELDS = 2;
    static final byte NORMALIZATION_OPTIONS = 1; // the ProcessUnitOptions union member

    private ProcessUnit() {}
  }

  static final class NormalizationOptions {
    static final int MEAN = 0;
    static final int STD = 1;
    static final int FIELDS = 2;

    private NormalizationOptions() {}
  }

  static final class AssociatedFile {
    static final int NAME = 0;
    static final int DESCRIPTION = 1;
    static final int TYPE = 2;
    static final int FIELDS = 3;

    private AssociatedFile() {}
  }

  /** The {@code AssociatedFileType} enum, by number. */
  static final List<String> FILE_TYPES =
      List.of(
          "UNKNOWN",
          "DESCRIPTIONS",
          "TENSOR_AXIS_LABELS",
          "TENSOR_VALUE_LABELS",
          "TENSOR_AXIS_SCORE_CALIBRATION",
          "VOCABULARY",
          "SCANN_INDEX_FILE");
}
