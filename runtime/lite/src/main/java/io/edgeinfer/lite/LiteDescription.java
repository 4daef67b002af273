package io.edgeinfer.lite;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.MalformedModelException;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.ModelSummary;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.core.UnsupportedModelException;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteOpCode;
import io.edgeinfer.lite.format.LiteSignature;
import io.edgeinfer.lite.format.ModelOutline;
import io.edgeinfer.lite.format.PackedFiles;
import io.edgeinfer.lite.format.SignatureTensor;
import io.edgeinfer.lite.format.TfliteFile;
import io.edgeinfer.lite.format.TfliteMetadata;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Describes any sound .tflite file, runnable here or not: its subgraphs, tensor types, operators
 * with versions and counts, signatures, metadata (with TFLite model metadata: description, input
 * normalization, packed label files), the arena the planner gives it, and what the engine cannot
 * run yet. The file is read first without compiling; then the model is loaded, and what loading
 * refuses is listed, each thing once.
 */
final class LiteDescription {
  /** How a reason names its operator: {@code CONV_2D}, {@code CONV_2D v3}, {@code CUSTOM 'Foo'}. */
  private static final Pattern OP_NAME =
      Pattern.compile("CUSTOM '[^']*'( v\\d+)?|[A-Z][A-Z0-9_]*[A-Z0-9]( v\\d+)?(?= \\(|$)");

  private LiteDescription() {}

  static ModelSummary describe(Path path, LoadOptions options) throws ModelException {
    ModelOutline outline = ModelOutline.read(path);
    Map<String, String> metadata = new LinkedHashMap<>();
    List<Signature> signatures = new ArrayList<>();
    Set<String> notRunnable = new LinkedHashSet<>();
    try (LiteRuntimeModel model = LiteRuntimeModel.load(path, options)) {
      // Runnable: the signatures as the predictor takes them (int8 as float32), its metadata.
      signatures.addAll(model.signatures());
      metadata.putAll(model.metadata());
    } catch (UnsupportedModelException e) {
      for (String reason : e.unsupported()) {
        // The reader names every tensor of a type it cannot hold: the type once is enough.
        int tensor = reason.indexOf(": tensor '");
        notRunnable.add(tensor < 0 ? reason : reason.substring(0, tensor));
      }
      notRunnable.addAll(opsOnTypesNotHeld(outline, e.unsupported()));
      signatures.addAll(fileSignatures(outline, metadata));
    } catch (MalformedModelException e) {
      throw e;
    } catch (ModelException e) {
      notRunnable.add(e.getMessage());
      signatures.addAll(fileSignatures(outline, metadata));
    }
    metadata.put("format", "TFLite");
    metadata.put("schema_version", Integer.toString(outline.version()));
    metadata.put("description", outline.description());
    metadata.put("subgraphs", Integer.toString(outline.subgraphs().size()));
    metadata.keySet().removeIf(key -> key.startsWith("op.") || key.equals("operators"));
    for (int g = 0; g < outline.subgraphs().size(); g++) {
      describeSubgraph(outline, g, metadata);
    }
    outline
        .metadata()
        .forEach(
            (name, bytes) -> {
              if (name.equals("min_runtime_version")) {
                metadata.put(name, text(bytes));
              } else if (!name.equals(TfliteMetadata.ENTRY)) {
                metadata.put("metadata." + name, bytes.remaining() + " bytes");
              }
            });
    ByteBuffer tfliteMetadata = outline.metadata().get(TfliteMetadata.ENTRY);
    if (tfliteMetadata != null) {
      describeTfliteMetadata(tfliteMetadata, PackedFiles.lineCounts(path), metadata);
    }
    if (notRunnable.isEmpty()) {
      arena(path, metadata);
    } else {
      Map<String, String> byOp = new LinkedHashMap<>();
      for (String reason : notRunnable) {
        Matcher op = OP_NAME.matcher(reason);
        String name = op.lookingAt() ? op.group() : reason;
        String why = reason.substring(name.length()).replaceAll(" \\(\\d+x\\)$", "").strip();
        byOp.putIfAbsent(name, why);
      }
      metadata.put("not_runnable_here", String.join(", ", byOp.keySet()));
      byOp.forEach(
          (name, why) -> {
            if (why.startsWith("(") && why.endsWith(")")) {
              metadata.put("not_runnable_here." + name, why.substring(1, why.length() - 1));
            }
          });
    }
    return new ModelSummary(path, LiteEngine.NAME, signatures, metadata);
  }

  /** The planned arena for batch 1, and what one array per tensor would take. */
  private static void arena(Path path, Map<String, String> metadata) throws ModelException {
    LiteModel model = TfliteFile.open(path);
    long planned = 0;
    long unshared = 0;
    Set<Integer> run = new LinkedHashSet<>();
    model.signatures().forEach(s -> run.add(s.subgraphIndex()));
    if (run.isEmpty()) {
      run.add(0);
    }
    for (int g : run) {
      MemoryPlanner.Layout layout = LiteMemoryEstimate.layout(model, model.subgraphs().get(g), 1);
      planned += layout.arenaBytes();
      unshared += layout.unsharedBytes();
    }
    metadata.put("arena_bytes", Long.toString(planned));
    metadata.put("arena_bytes_one_array_per_tensor", Long.toString(unshared));
  }

  private static void describeSubgraph(ModelOutline outline, int g, Map<String, String> out) {
    ModelOutline.Graph graph = outline.subgraphs().get(g);
    String prefix = g == 0 ? "" : "subgraph." + g + ".";
    Map<String, Integer> types = new TreeMap<>();
    for (ModelOutline.Tensor tensor : graph.tensors()) {
      types.merge(tensor.type().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    out.put(
        "subgraph." + g,
        (graph.name().isEmpty() ? "" : "'" + graph.name() + "': ")
            + graph.tensors().size()
            + " tensors ("
            + types.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "))
            + "), "
            + graph.operators().size()
            + " operators");
    Map<String, Map<Integer, Integer>> ops = new TreeMap<>();
    for (ModelOutline.Operator op : graph.operators()) {
      LiteOpCode code = outline.opCode(op);
      String name = code == null ? "op code " + op.opCode() : nameOf(code);
      ops.computeIfAbsent(name, k -> new TreeMap<>())
          .merge(code == null ? 0 : code.version(), 1, Integer::sum);
    }
    out.put(prefix + "operators", Integer.toString(graph.operators().size()));
    ops.forEach(
        (name, versions) -> {
          int count = versions.values().stream().mapToInt(Integer::intValue).sum();
          String which =
              versions.entrySet().stream()
                  .map(
                      e ->
                          versions.size() == 1
                              ? "v" + e.getKey()
                              : "v" + e.getKey() + " x" + e.getValue())
                  .collect(Collectors.joining(", "));
          out.put(prefix + "op." + name, count + " (" + which + ")");
        });
  }

  /** An op code's name without its version (shown apart). */
  private static String nameOf(LiteOpCode code) {
    return new LiteOpCode(code.builtinCode(), code.customCode(), 1).displayName();
  }

  /**
   * When the file holds tensors of types the engine cannot hold (its reader refuses them before any
   * operator is looked at), the operators that read or write such tensors, each named once.
   */
  private static List<String> opsOnTypesNotHeld(ModelOutline outline, List<String> refused) {
    Set<String> ops = new LinkedHashSet<>();
    for (ModelOutline.Graph graph : outline.subgraphs()) {
      for (ModelOutline.Operator op : graph.operators()) {
        List<Integer> touched = new ArrayList<>(op.inputs());
        touched.addAll(op.outputs());
        for (int t : touched) {
          if (t >= 0
              && t < graph.tensors().size()
              && refusedType(graph.tensors().get(t).type(), refused)) {
            LiteOpCode code = outline.opCode(op);
            ops.add(code == null ? "op code " + op.opCode() : code.displayName());
          }
        }
      }
    }
    return List.copyOf(ops);
  }

  private static boolean refusedType(String type, List<String> refused) {
    return refused.stream().anyMatch(reason -> reason.startsWith(type + " tensors"));
  }

  /**
   * The signatures as the file declares them, for a model that cannot be loaded. A signature with a
   * tensor of a type edgeinfer cannot name is shown in the metadata instead.
   */
  private static List<Signature> fileSignatures(ModelOutline outline, Map<String, String> out) {
    List<LiteSignature> defs = new ArrayList<>(outline.signatures());
    if (defs.isEmpty() && !outline.subgraphs().isEmpty()) {
      ModelOutline.Graph main = outline.subgraphs().get(0);
      defs.add(
          new LiteSignature(
              Signature.DEFAULT_NAME,
              0,
              named(main, main.inputs(), "input_"),
              named(main, main.outputs(), "output_")));
    }
    List<Signature> signatures = new ArrayList<>();
    for (LiteSignature def : defs) {
      if (def.subgraphIndex() >= outline.subgraphs().size()) {
        continue;
      }
      ModelOutline.Graph graph = outline.subgraphs().get(def.subgraphIndex());
      List<TensorSpec> inputs = specs(graph, def.inputs());
      List<TensorSpec> outputs = specs(graph, def.outputs());
      if (inputs != null && outputs != null) {
        signatures.add(new Signature(def.key(), inputs, outputs));
      } else {
        out.put("signature." + def.key(), declared(graph, def));
      }
    }
    return signatures;
  }

  private static List<SignatureTensor> named(
      ModelOutline.Graph graph, List<Integer> tensors, String fallback) {
    List<SignatureTensor> named = new ArrayList<>();
    for (int i = 0; i < tensors.size(); i++) {
      int t = tensors.get(i);
      String name = t < graph.tensors().size() ? graph.tensors().get(t).name() : "";
      named.add(new SignatureTensor(name.isEmpty() ? fallback + i : name, t));
    }
    return named;
  }

  /** The tensors as specs, or null when one has a type edgeinfer has no name for. */
  private static List<TensorSpec> specs(ModelOutline.Graph graph, List<SignatureTensor> tensors) {
    List<TensorSpec> specs = new ArrayList<>();
    for (SignatureTensor st : tensors) {
      if (st.tensorIndex() >= graph.tensors().size()) {
        return null;
      }
      ModelOutline.Tensor tensor = graph.tensors().get(st.tensorIndex());
      DataType type;
      try {
        type = DataType.fromLabel(tensor.type());
      } catch (IllegalArgumentException e) {
        return null;
      }
      int[] dims = tensor.shape().stream().mapToInt(Integer::intValue).toArray();
      specs.add(new TensorSpec(st.name(), type, Shape.of(dims)));
    }
    return specs;
  }

  private static String declared(ModelOutline.Graph graph, LiteSignature def) {
    List<String> parts = new ArrayList<>();
    for (SignatureTensor st : def.inputs()) {
      parts.add("input " + tensorText(graph, st));
    }
    for (SignatureTensor st : def.outputs()) {
      parts.add("output " + tensorText(graph, st));
    }
    return String.join("; ", parts);
  }

  private static String tensorText(ModelOutline.Graph graph, SignatureTensor st) {
    if (st.tensorIndex() >= graph.tensors().size()) {
      return "'" + st.name() + "' (tensor " + st.tensorIndex() + " missing)";
    }
    ModelOutline.Tensor tensor = graph.tensors().get(st.tensorIndex());
    return "'" + st.name() + "' " + tensor.type().toLowerCase(Locale.ROOT) + " " + tensor.shape();
  }

  private static void describeTfliteMetadata(
      ByteBuffer bytes, Map<String, Long> packed, Map<String, String> out) {
    String key = "tflite_metadata.";
    TfliteMetadata m;
    try {
      m = TfliteMetadata.read(bytes);
    } catch (MalformedModelException e) {
      out.put(key + "error", e.getMessage());
      return;
    }
    putIfSet(out, key + "name", m.name());
    putIfSet(out, key + "description", m.description());
    putIfSet(out, key + "version", m.version());
    putIfSet(out, key + "author", m.author());
    putIfSet(out, key + "license", m.license());
    putIfSet(out, key + "min_parser_version", m.minParserVersion());
    putIfSet(out, key + "files", files(m.files(), packed));
    for (String direction : List.of("input", "output")) {
      List<TfliteMetadata.TensorInfo> tensors =
          direction.equals("input") ? m.inputs() : m.outputs();
      for (int i = 0; i < tensors.size(); i++) {
        TfliteMetadata.TensorInfo t = tensors.get(i);
        String prefix =
            key + direction + "." + (t.name().isEmpty() ? Integer.toString(i) : t.name());
        putIfSet(out, prefix + ".description", t.description());
        if (!t.mean().isEmpty() || !t.std().isEmpty()) {
          out.put(prefix + ".normalization", "mean " + t.mean() + " std " + t.std());
        }
        putIfSet(out, prefix + ".files", files(t.files(), packed));
      }
    }
  }

  /** Files as {@code labels.txt (TENSOR_AXIS_LABELS, 1001 lines)}. */
  private static String files(List<TfliteMetadata.AssociatedFile> files, Map<String, Long> packed) {
    return files.stream()
        .map(
            f -> {
              Long lines = packed.get(f.name());
              String count =
                  lines == null
                      ? ", not packed in the file"
                      : lines < 0 ? "" : ", " + lines + (lines == 1 ? " line" : " lines");
              return f.name() + " (" + f.type() + count + ")";
            })
        .collect(Collectors.joining(", "));
  }

  private static void putIfSet(Map<String, String> out, String key, String value) {
    if (!value.isEmpty()) {
      out.put(key, value);
    }
  }

  private static String text(ByteBuffer bytes) {
    byte[] raw = new byte[bytes.remaining()];
    bytes.duplicate().get(raw);
    return new String(raw, StandardCharsets.UTF_8).replace("\0", "").strip();
  }
}
