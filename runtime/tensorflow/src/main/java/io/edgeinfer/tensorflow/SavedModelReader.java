package io.edgeinfer.tensorflow;

import com.google.protobuf.InvalidProtocolBufferException;
import io.edgeinfer.core.MalformedModelException;
import io.edgeinfer.core.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;

/**
 * Reads {@code saved_model.pb} with the protocol buffer classes alone, before any native code is
 * loaded: a truncated file or a missing tag set then gets a precise message instead of a TensorFlow
 * status string, and signatures keep facts (unknown rank) that TF Java's own view drops.
 */
final class SavedModelReader {
  static final String FILE_NAME = "saved_model.pb";

  private SavedModelReader() {}

  static boolean isSavedModel(Path path) {
    return Files.isDirectory(path) && Files.isRegularFile(path.resolve(FILE_NAME));
  }

  /** The meta graph whose tag set equals {@code tags}. */
  static MetaGraphDef read(Path dir, Set<String> tags) throws ModelException {
    SavedModel savedModel = parse(dir);
    List<Set<String>> found = new ArrayList<>();
    for (MetaGraphDef metaGraph : savedModel.getMetaGraphsList()) {
      Set<String> metaTags = new HashSet<>(metaGraph.getMetaInfoDef().getTagsList());
      if (metaTags.equals(tags)) {
        return metaGraph;
      }
      found.add(metaTags);
    }
    throw new ModelException(
        "no meta graph tagged " + tags + " in " + dir + ": expected one of the tag sets " + found);
  }

  static SavedModel parse(Path dir) throws ModelException {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new MalformedModelException(
          "expected a SavedModel directory with " + FILE_NAME + ", found none in " + dir);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ModelException("cannot read " + file + ": " + e.getMessage(), e);
    }
    SavedModel savedModel;
    try {
      savedModel = SavedModel.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedModelException(
          "truncated or corrupted "
              + file
              + " ("
              + bytes.length
              + " bytes): expected a SavedModel protocol buffer, found unreadable data ("
              + e.getMessage()
              + ")",
          e);
    }
    if (savedModel.getMetaGraphsCount() == 0) {
      throw new MalformedModelException(
          "expected at least one meta graph in "
              + file
              + ", found none ("
              + bytes.length
              + " bytes)");
    }
    return savedModel;
  }
}
