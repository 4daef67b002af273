package io.edgeinfer.tensorflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.proto.CollectionDef;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SaverDef;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.types.TString;

/**
 * A SavedModel's graph in a session with its variables restored: TF Java's loader, or, when that
 * refuses the whole model over one signature (TF Java checks every signature against the graph and
 * throws at the first mismatch, TF Serving serves the others), the meta graph imported directly,
 * restored through its saver and initialized through its init op.
 */
final class LoadedSession implements AutoCloseable {
  private final SavedModelBundle bundle;
  private final Graph graph;
  private final Session session;

  private LoadedSession(SavedModelBundle bundle, Graph graph, Session session) {
    this.bundle = bundle;
    this.graph = graph;
    this.session = session;
  }

  static LoadedSession of(SavedModelBundle bundle) {
    return new LoadedSession(bundle, bundle.graph(), bundle.session());
  }

  /** The meta graph without any signature validation, as TF Serving loads it. */
  static LoadedSession direct(Path dir, MetaGraphDef metaGraph, ConfigProto config) {
    Graph graph = new Graph();
    Session session = null;
    try {
      graph.importGraphDef(metaGraph.getGraphDef());
      session = new Session(graph, config);
      restore(dir, metaGraph.getSaverDef(), session);
      List<String> init = initOps(metaGraph);
      if (!init.isEmpty()) {
        Session.Runner runner = session.runner();
        init.forEach(runner::addTarget);
        runner.run().close();
      }
      return new LoadedSession(null, graph, session);
    } catch (RuntimeException e) {
      if (session != null) {
        session.close();
      }
      graph.close();
      throw e;
    }
  }

  private static void restore(Path dir, SaverDef saver, Session session) {
    Path prefix = dir.resolve("variables").resolve("variables");
    boolean hasVariables = Files.isRegularFile(prefix.resolveSibling("variables.index"));
    if (!hasVariables || saver.getRestoreOpName().isEmpty()) {
      return;
    }
    try (TString file = TString.scalarOf(prefix.toString())) {
      // The restore op assigns every variable; it has no outputs to read.
      session
          .runner()
          .feed(saver.getFilenameTensorName(), file)
          .addTarget(saver.getRestoreOpName())
          .run()
          .close();
    }
  }

  /** TF 2's {@code __saved_model_init_op} signature, or TF 1's main op / legacy init op. */
  private static List<String> initOps(MetaGraphDef metaGraph) {
    List<String> ops = new ArrayList<>();
    SignatureDef init = metaGraph.getSignatureDefMap().get("__saved_model_init_op");
    if (init != null) {
      for (TensorInfo info : init.getOutputsMap().values()) {
        ops.add(nodeName(info.getName()));
      }
      return ops;
    }
    for (String key : List.of("saved_model_main_op", "legacy_init_op")) {
      CollectionDef collection = metaGraph.getCollectionDefMap().get(key);
      if (collection != null && collection.hasNodeList()) {
        collection.getNodeList().getValueList().forEach(name -> ops.add(nodeName(name)));
        return ops;
      }
    }
    return ops;
  }

  private static String nodeName(String tensorName) {
    String name = tensorName.startsWith("^") ? tensorName.substring(1) : tensorName;
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(0, colon);
  }

  Graph graph() {
    return graph;
  }

  Session session() {
    return session;
  }

  /** Whether TF Java's loader refused the model and it was loaded directly. */
  boolean direct() {
    return bundle == null;
  }

  @Override
  public void close() {
    if (bundle != null) {
      bundle.close();
    } else {
      session.close();
      graph.close();
    }
  }
}
