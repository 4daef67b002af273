/**
 * The TensorFlow Lite file format: reading, verifying and writing {@code .tflite} flatbuffers.
 *
 * <p>{@link io.edgeinfer.lite.format.TfliteFile} memory-maps a file, {@link
 * io.edgeinfer.lite.format.TfliteVerifier} checks that every table, vector and string lies within
 * it, and the file becomes a {@link io.edgeinfer.lite.format.LiteModel}: immutable records whose
 * constant data are read-only views of the mapping. {@link io.edgeinfer.lite.format.TfliteWriter}
 * writes the same records back out, for the quantizer.
 *
 * <p>The accessors are our own, written from the format's documented layout (the TensorFlow Lite
 * flatbuffers schema: tables, field ids, enums) on flatbuffers-java's {@code Table} and {@code
 * FlatBufferBuilder}; {@code Schema} holds the field ids in one place, and {@code OptionsTables}
 * each builtin options table once (reader, writer and verifier derive from it). Only the parts
 * edgeinfer runs are decoded; the rest of a file is still verified, and an operator's options of a
 * kind not decoded are kept as {@link io.edgeinfer.lite.format.OperatorOptions.Other} so the engine
 * can name what it cannot run.
 *
 * <p>TFLite's model metadata (the {@code TFLITE_METADATA} flatbuffer, identifier {@code M001}) is
 * read by {@link io.edgeinfer.lite.format.TfliteMetadata} and written by {@link
 * io.edgeinfer.lite.format.TfliteMetadataWriter}, both from {@code MetadataSchema}; the files it
 * names (labels) sit in a zip after the model ({@link io.edgeinfer.lite.format.AppendedZip} writes
 * it, {@link io.edgeinfer.lite.format.PackedFiles} and {@link
 * io.edgeinfer.lite.format.MetadataLabels} read it).
 */
package io.edgeinfer.lite.format;
