package io.edgeinfer.train;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteSignature;
import io.edgeinfer.lite.format.LiteSubgraph;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.SignatureTensor;
import io.edgeinfer.lite.format.TfliteMetadata;
import io.edgeinfer.lite.format.TfliteMetadataWriter;
import io.edgeinfer.lite.format.TfliteWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TFLite's standard model metadata for a file {@code train} or {@code quantize} writes, beside our
 * model card: name, description, version (the edgeinfer that wrote it), author; each input and
 * output named as in the signature; the class labels as {@value #LABELS_FILE} packed after the
 * model, tied to the class-probability output ({@code TENSOR_AXIS_LABELS}) and to {@code class_id}
 * ({@code TENSOR_VALUE_LABELS}), where TFLite's Task Library and our lite engine look for them.
 *
 * @param inputNote what each input expects (e.g. that the model normalizes raw features itself)
 * @param labels class labels, in class-id order; empty for regression or unnamed classes
 */
public record StandardMetadata(
    String name, String description, String author, String inputNote, List<String> labels) {
  public static final String LABELS_FILE = "labels.txt";

  public StandardMetadata {
    labels = List.copyOf(labels);
  }

  /** The edgeinfer version in the jar's manifest, {@code dev} in a build tree. */
  public static String edgeinferVersion() {
    String version = StandardMetadata.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** The metadata of the model's first subgraph, whose signature names its tensors. */
  public TfliteMetadata of(LiteModel model) {
    LiteSubgraph graph = model.mainSubgraph();
    List<TfliteMetadata.TensorInfo> inputs = new ArrayList<>();
    for (int tensor : graph.inputs()) {
      inputs.add(info(name(model, tensor, true), inputNote, List.of()));
    }
    List<TfliteMetadata.TensorInfo> outputs = new ArrayList<>();
    for (int tensor : graph.outputs()) {
      outputs.add(output(name(model, tensor, false), graph.tensor(tensor)));
    }
    return new TfliteMetadata(
        name,
        description,
        edgeinferVersion(),
        author,
        "",
        TfliteMetadataWriter.MIN_PARSER_VERSION,
        inputs,
        outputs,
        List.of());
  }

  /** Writes the model with this metadata, and the label file packed after it when there are any. */
  public void write(LiteModel model, Path file) throws IOException {
    LiteModel described = TfliteMetadataWriter.attach(model, of(model));
    Map<String, byte[]> packed =
        labels.isEmpty()
            ? Map.of()
            : Map.of(
                LABELS_FILE, (String.join("\n", labels) + "\n").getBytes(StandardCharsets.UTF_8));
    TfliteWriter.write(described, packed, file);
  }

  private TfliteMetadata.TensorInfo output(String tensorName, LiteTensor tensor) {
    int[] dims = tensor.shape().dims();
    boolean classAxis =
        !labels.isEmpty() && dims.length >= 2 && dims[dims.length - 1] == labels.size();
    boolean classIds =
        !labels.isEmpty()
            && dims.length == 1
            && (tensor.type() == DataType.INT64 || tensor.type() == DataType.INT32);
    if (classAxis) {
      return info(
          tensorName,
          "score of each class, in the order of " + LABELS_FILE,
          List.of(file("TENSOR_AXIS_LABELS", "the label of each class, one a line")));
    }
    if (classIds) {
      return info(
          tensorName,
          "the id of the most likely class: line id + 1 of " + LABELS_FILE,
          List.of(file("TENSOR_VALUE_LABELS", "the label of each class id, one a line")));
    }
    return info(tensorName, "", List.of());
  }

  private static TfliteMetadata.AssociatedFile file(String type, String description) {
    return new TfliteMetadata.AssociatedFile(LABELS_FILE, description, type);
  }

  private static TfliteMetadata.TensorInfo info(
      String name, String description, List<TfliteMetadata.AssociatedFile> files) {
    return new TfliteMetadata.TensorInfo(name, description, List.of(), List.of(), files);
  }

  /** The tensor's name in the first signature, else its own name. */
  private static String name(LiteModel model, int tensor, boolean input) {
    if (!model.signatures().isEmpty()) {
      LiteSignature signature = model.signatures().get(0);
      for (SignatureTensor st : input ? signature.inputs() : signature.outputs()) {
        if (st.tensorIndex() == tensor) {
          return st.name();
        }
      }
    }
    return model.mainSubgraph().tensor(tensor).name();
  }
}
