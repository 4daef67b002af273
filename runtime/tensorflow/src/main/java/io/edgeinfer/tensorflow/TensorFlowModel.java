package io.edgeinfer.tensorflow;

import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.MalformedModelException;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Signatures;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.MetaGraphDef;

/** A SavedModel loaded into a TensorFlow session. */
final class TensorFlowModel implements Model {
  private final Path path;
  private final LoadedSession loaded;
  private final SignatureReader.Result signatures;
  private final Map<String, String> metadata;
  private volatile boolean closed;

  private TensorFlowModel(
      Path path,
      LoadedSession loaded,
      SignatureReader.Result signatures,
      Map<String, String> metadata) {
    this.path = path;
    this.loaded = loaded;
    this.signatures = signatures;
    this.metadata = metadata;
  }

  /**
   * One operation at a time runs best on the calling thread itself: TensorFlow takes a negative
   * count to mean that, where 1 hands every run to a pool thread and waits for it (the seed MLP's
   * call took 78 µs that way, 35 µs on the caller's thread).
   */
  static int interOpSetting(int interOpThreads) {
    return interOpThreads == 1 ? -1 : interOpThreads;
  }

  /** Graph operations that hold a variable, restored from {@code variables/}. */
  private static final java.util.Set<String> VARIABLE_OPS =
      java.util.Set.of("VariableV2", "Variable", "VarHandleOp");

  /**
   * A graph with variables needs {@code variables/variables.index}: without it TensorFlow loads the
   * graph anyway and fails only at the first prediction ("uninitialized value").
   */
  private static void requireVariables(Path path, MetaGraphDef metaGraph)
      throws MalformedModelException {
    java.nio.file.Path index = path.resolve("variables").resolve("variables.index");
    if (java.nio.file.Files.isRegularFile(index)) {
      return;
    }
    long variables =
        metaGraph.getGraphDef().getNodeList().stream()
            .filter(node -> VARIABLE_OPS.contains(node.getOp()))
            .count();
    if (variables > 0) {
      throw new MalformedModelException(
          "expected "
              + index
              + " (the graph has "
              + variables
              + (variables == 1 ? " variable" : " variables")
              + " to restore from it), found no such file");
    }
  }

  static TensorFlowModel load(Path path, LoadOptions options) throws ModelException {
    MetaGraphDef metaGraph = SavedModelReader.read(path, options.tags());
    SignatureReader.Result read = SignatureReader.read(metaGraph);
    requireVariables(path, metaGraph);
    ConfigProto config =
        ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(options.intraOpThreads())
            .setInterOpParallelismThreads(interOpSetting(options.interOpThreads()))
            .build();
    LoadedSession loaded;
    try {
      loaded = load(path, metaGraph, options, config);
    } catch (TensorFlowException | IllegalArgumentException e) {
      throw new MalformedModelException(
          path
              + ": expected a graph TensorFlow can load, found one it refuses: "
              + firstLine(e.getMessage()),
          e);
    } catch (RuntimeException e) {
      // TensorFlow Java fails with its own NullPointerException on signatures it cannot build
      // (TF1 reference-typed tensors such as DT_FLOAT_REF); its text names its internals.
      throw new MalformedModelException(
          "TensorFlow Java could not load the signatures of "
              + path
              + ": expected signature tensors of value types"
              + (read.skipped().isEmpty() ? "" : ", found " + String.join("; ", skippedList(read)))
              + " (re-export the model with tf.saved_model.save)",
          e);
    } catch (LinkageError e) {
      // TF Java ships natives for linux x86_64/arm64, macOS arm64 and Windows x86_64 only.
      throw new ModelException(
          "the tensorflow engine cannot start on "
              + System.getProperty("os.name")
              + " "
              + System.getProperty("os.arch")
              + ": expected TensorFlow Java's native library, found "
              + firstLine(e.toString()),
          e);
    }
    SignatureReader.Result signatures = GraphCheck.check(read, loaded.graph());
    Map<String, String> metadata = metadata(metaGraph, signatures, options);
    if (loaded.direct()) {
      metadata.put("loaded", "directly from the meta graph (TensorFlow Java refused a signature)");
    }
    return new TensorFlowModel(path, loaded, signatures, metadata);
  }

  /**
   * TF Java's loader first; when it refuses the model over a signature that does not match the
   * graph (an {@link IllegalArgumentException} naming it), the meta graph directly, as TF Serving
   * does, so the other signatures still serve.
   */
  private static LoadedSession load(
      Path path, MetaGraphDef metaGraph, LoadOptions options, ConfigProto config) {
    try {
      return LoadedSession.of(
          SavedModelBundle.loader(path.toString())
              .withTags(options.tags().toArray(new String[0]))
              .withConfigProto(config)
              .load());
    } catch (IllegalArgumentException refusedSignature) {
      return LoadedSession.direct(path, metaGraph, config);
    }
  }

  private static java.util.List<String> skippedList(SignatureReader.Result signatures) {
    java.util.List<String> list = new java.util.ArrayList<>();
    signatures.skipped().forEach((name, why) -> list.add("signature '" + name + "': " + why));
    return list;
  }

  private static Map<String, String> metadata(
      MetaGraphDef metaGraph, SignatureReader.Result signatures, LoadOptions options) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("format", "SavedModel");
    metadata.put("tags", String.join(",", new TreeSet<>(options.tags())));
    metadata.put("tensorflow_version", metaGraph.getMetaInfoDef().getTensorflowVersion());
    metadata.put("tensorflow_git_version", metaGraph.getMetaInfoDef().getTensorflowGitVersion());
    metadata.put("graph_nodes", Integer.toString(metaGraph.getGraphDef().getNodeCount()));
    metadata.put(
        "graph_functions",
        Integer.toString(metaGraph.getGraphDef().getLibrary().getFunctionCount()));
    signatures
        .graphNames()
        .forEach(
            (signature, names) -> {
              names
                  .inputs()
                  .forEach((k, v) -> metadata.put(graphNameKey(signature, "input", k), v));
              names
                  .outputs()
                  .forEach((k, v) -> metadata.put(graphNameKey(signature, "output", k), v));
            });
    signatures
        .skipped()
        .forEach((signature, why) -> metadata.put("skipped_signature." + signature, why));
    return metadata;
  }

  /** The metadata key that holds a signature tensor's graph name, e.g. {@code x:0}. */
  static String graphNameKey(String signature, String direction, String name) {
    return "graph_name." + signature + "." + direction + "." + name;
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public String engine() {
    return TensorFlowEngine.NAME;
  }

  @Override
  public List<Signature> signatures() {
    return signatures.signatures();
  }

  @Override
  public Map<String, String> metadata() {
    return metadata;
  }

  @Override
  public Predictor predictor(String name) throws ModelException {
    checkOpen();
    String wanted = name != null ? name : Signature.DEFAULT_NAME;
    String why = signatures.skipped().get(wanted);
    if (why != null && signatures.signatures().stream().noneMatch(s -> s.name().equals(wanted))) {
      // Set aside at load: say why, rather than that it is unknown.
      throw new ModelException(
          "expected signature '"
              + wanted
              + "' of "
              + path
              + " to be one edgeinfer can run, found it set aside: "
              + why);
    }
    Signature signature = Signatures.pick(signatures.signatures(), name);
    return new TensorFlowPredictor(
        this, loaded.session(), signature, signatures.graphNames().get(signature.name()));
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the model " + path + " is closed");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      loaded.close();
    }
  }

  static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
