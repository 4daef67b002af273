package io.edgeinfer.lite;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.MalformedModelException;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelCard;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Signatures;
import io.edgeinfer.core.TensorMetadata;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.core.UnsupportedModelException;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteSignature;
import io.edgeinfer.lite.format.LiteSubgraph;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.MetadataLabels;
import io.edgeinfer.lite.format.ModelCardMetadata;
import io.edgeinfer.lite.format.PackedFiles;
import io.edgeinfer.lite.format.SignatureTensor;
import io.edgeinfer.lite.format.TfliteFile;
import io.edgeinfer.lite.format.TfliteMetadata;
import io.edgeinfer.lite.kernels.KernelSelector;
import io.edgeinfer.lite.kernels.Kernels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A .tflite model compiled for the kernels. Int8 inputs and outputs are presented as float32: the
 * predictor quantizes inputs with the tensor's own scale and zero point and dequantizes outputs,
 * unless {@link LoadOptions#rawOutputs()} asks for the int8 outputs as they are. The metadata gives
 * every int8 signature tensor's scale and zero point.
 */
final class LiteRuntimeModel implements Model {
  private final Path path;
  private final List<Signature> signatures;
  private final Map<String, Entry> entries;
  private final Map<String, String> metadata;
  private final Map<String, TensorMetadata> tensorMetadata;
  private final LoadOptions options;
  private final ThreadGang threads;
  private volatile boolean closed;

  /** How a signature maps onto a compiled subgraph. */
  record Entry(Program program, int[] inputTensors, int[] outputTensors) {}

  private LiteRuntimeModel(
      Path path,
      List<Signature> signatures,
      Map<String, Entry> entries,
      Map<String, String> metadata,
      Map<String, TensorMetadata> tensorMetadata,
      LoadOptions options,
      ThreadGang threads) {
    this.path = path;
    this.tensorMetadata = tensorMetadata;
    this.options = options;
    this.threads = threads;
    this.signatures = List.copyOf(signatures);
    this.entries = entries;
    this.metadata = metadata;
  }

  static LiteRuntimeModel load(Path path, LoadOptions options) throws ModelException {
    LiteModel model = TfliteFile.open(path);
    try {
      return of(path, model, KernelSelector.kernels(), options);
    } catch (UnsupportedModelException e) {
      throw new UnsupportedModelException(path + ": unsupported operators", e.unsupported());
    }
  }

  static LiteRuntimeModel of(Path path, LiteModel model, Kernels kernels) throws ModelException {
    return of(path, model, kernels, LoadOptions.DEFAULTS);
  }

  /**
   * Threads for one large operation: {@link LoadOptions#intraOpThreads()}, or when that is 0 the
   * processors up to 4 (a Pi has 4 cores; more rarely pays for the small models run here).
   */
  static int threads(LoadOptions options) {
    int asked = options.intraOpThreads();
    return asked > 0 ? asked : Math.min(4, Runtime.getRuntime().availableProcessors());
  }

  static LiteRuntimeModel of(Path path, LiteModel model, Kernels kernels, LoadOptions options)
      throws ModelException {
    int threadCount = threads(options);
    ThreadGang threads = threadCount > 1 ? new ThreadGang(threadCount) : null;
    try {
      return of(path, model, kernels, options, threads);
    } catch (ModelException | RuntimeException e) {
      if (threads != null) {
        threads.close();
      }
      throw e;
    }
  }

  private static LiteRuntimeModel of(
      Path path, LiteModel model, Kernels kernels, LoadOptions options, ThreadGang threads)
      throws ModelException {
    if (model.subgraphs().isEmpty()) {
      throw new UnsupportedModelException("no subgraph", List.of("a model without subgraphs"));
    }
    Map<Integer, Program> programs = new LinkedHashMap<>();
    List<Signature> signatures = new ArrayList<>();
    Map<String, Entry> entries = new LinkedHashMap<>();
    List<LiteSignature> defs = model.signatures();
    if (defs.isEmpty()) {
      LiteSubgraph main = model.mainSubgraph();
      List<SignatureTensor> ins = new ArrayList<>();
      List<SignatureTensor> outs = new ArrayList<>();
      for (int i = 0; i < main.inputs().size(); i++) {
        int t = main.inputs().get(i);
        ins.add(new SignatureTensor(nameOr(main.tensor(t).name(), "input_" + i), t));
      }
      for (int i = 0; i < main.outputs().size(); i++) {
        int t = main.outputs().get(i);
        outs.add(new SignatureTensor(nameOr(main.tensor(t).name(), "output_" + i), t));
      }
      defs = List.of(new LiteSignature(Signature.DEFAULT_NAME, 0, ins, outs));
    }
    for (LiteSignature def : defs) {
      if (def.subgraphIndex() >= model.subgraphs().size()) {
        throw new UnsupportedModelException(
            "signature '" + def.key() + "'", List.of("subgraph " + def.subgraphIndex()));
      }
      Program program = programs.get(def.subgraphIndex());
      if (program == null) {
        program = Program.compile(model, def.subgraphIndex(), kernels, threads);
        programs.put(def.subgraphIndex(), program);
      }
      LiteSubgraph graph = program.graph;
      if (def.inputs().size() != graph.inputs().size()) {
        throw new UnsupportedModelException(
            "signature '" + def.key() + "'",
            List.of(
                def.inputs().size()
                    + " signature inputs for "
                    + graph.inputs().size()
                    + " subgraph inputs"));
      }
      int[] in = new int[def.inputs().size()];
      List<TensorSpec> inSpecs = new ArrayList<>();
      for (int i = 0; i < in.length; i++) {
        SignatureTensor st = def.inputs().get(i);
        int position = graph.inputs().indexOf(st.tensorIndex());
        if (position < 0) {
          throw new UnsupportedModelException(
              "signature '" + def.key() + "'",
              List.of("input '" + st.name() + "' that is not a subgraph input"));
        }
        in[i] = st.tensorIndex();
        inSpecs.add(spec(st.name(), graph.tensor(st.tensorIndex()), false));
      }
      int[] out = new int[def.outputs().size()];
      List<TensorSpec> outSpecs = new ArrayList<>();
      for (int i = 0; i < out.length; i++) {
        SignatureTensor st = def.outputs().get(i);
        out[i] = st.tensorIndex();
        outSpecs.add(spec(st.name(), graph.tensor(st.tensorIndex()), options.rawOutputs()));
      }
      signatures.add(new Signature(def.key(), inSpecs, outSpecs));
      entries.put(def.key(), new Entry(program, in, out));
    }
    Map<String, String> metadata = metadata(model, kernels, path);
    for (LiteSignature def : defs) {
      LiteSubgraph graph = model.subgraphs().get(def.subgraphIndex());
      for (List<SignatureTensor> list : List.of(def.inputs(), def.outputs())) {
        for (SignatureTensor st : list) {
          LiteTensor tensor = graph.tensor(st.tensorIndex());
          if (TensorIo.of(tensor, false).quantized()) {
            // What a raw input or output holds: the model's own integers.
            metadata.put("raw_type." + def.key() + "." + st.name(), tensor.type().label());
            metadata.put(
                "quantization." + def.key() + "." + st.name(),
                "scale="
                    + tensor.quantization().scale(0)
                    + " zero_point="
                    + tensor.quantization().zeroPoint(0));
          }
        }
      }
    }
    metadata.put("threads", Integer.toString(threads == null ? 1 : threads.threads()));
    Map<String, TensorMetadata> tensorMetadata = LiteTensorMetadata.bySignature(model, defs);
    return new LiteRuntimeModel(
        path, signatures, entries, metadata, tensorMetadata, options, threads);
  }

  private static String nameOr(String name, String fallback) {
    return name.isEmpty() ? fallback : name;
  }

  /** Quantized tensors are fed and read as float32, so they show as float32 (unless read raw). */
  private static TensorSpec spec(String name, LiteTensor tensor, boolean raw) {
    DataType type = TensorIo.of(tensor, raw).quantized() ? DataType.FLOAT32 : tensor.type();
    return new TensorSpec(name, type, tensor.shapeSignature());
  }

  /** The model's own version from its TFLite Metadata, if it has readable metadata with one. */
  private static java.util.Optional<String> tfliteMetadataVersion(LiteModel model) {
    return model
        .metadata(TfliteMetadata.ENTRY)
        .flatMap(
            bytes -> {
              try {
                String version = TfliteMetadata.read(bytes.duplicate()).version();
                return java.util.Optional.ofNullable(version).filter(v -> !v.isBlank());
              } catch (MalformedModelException | RuntimeException e) {
                return java.util.Optional.empty(); // inspect reports it; serving needs no version
              }
            });
  }

  private static Map<String, String> metadata(LiteModel model, Kernels kernels, Path path) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("format", "TFLite");
    metadata.put("schema_version", Integer.toString(model.version()));
    metadata.put("description", model.description());
    model
        .metadata("min_runtime_version")
        .ifPresent(
            bytes -> {
              byte[] raw = new byte[bytes.remaining()];
              bytes.duplicate().get(raw);
              metadata.put(
                  "min_runtime_version",
                  new String(raw, StandardCharsets.UTF_8).replace("\0", "").strip());
            });
    ModelCardMetadata.read(model).ifPresent(card -> metadata.put(ModelCard.METADATA_KEY, card));
    tfliteMetadataVersion(model).ifPresent(v -> metadata.put("tflite_metadata.version", v));
    if (!metadata.containsKey(ModelCard.METADATA_KEY)) {
      // No card of ours: the labels of TFLite's standard metadata name the classes just as well.
      List<String> labels = MetadataLabels.read(model, path);
      if (!labels.isEmpty()) {
        metadata.put(ModelCard.METADATA_KEY, new ModelCard("classification", labels).toJson());
      }
    }
    metadata.put("subgraphs", Integer.toString(model.subgraphs().size()));
    metadata.put("kernels", kernels.name());
    Map<String, Integer> ops = new TreeMap<>();
    for (LiteOperator op : model.mainSubgraph().operators()) {
      ops.merge(model.opCode(op).displayName(), 1, Integer::sum);
    }
    metadata.put("operators", Integer.toString(model.mainSubgraph().operators().size()));
    ops.forEach((name, count) -> metadata.put("op." + name, Integer.toString(count)));
    return metadata;
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public String engine() {
    return LiteEngine.NAME;
  }

  @Override
  public List<Signature> signatures() {
    return signatures;
  }

  @Override
  public Map<String, String> metadata() {
    return metadata;
  }

  @Override
  public Optional<TensorMetadata> inputMetadata(String signature, String input) {
    return Optional.ofNullable(tensorMetadata.get(LiteTensorMetadata.inputKey(signature, input)));
  }

  @Override
  public Optional<TensorMetadata> outputMetadata(String signature, String output) {
    return Optional.ofNullable(tensorMetadata.get(LiteTensorMetadata.outputKey(signature, output)));
  }

  @Override
  public Optional<byte[]> packedFile(String name) throws ModelException {
    try {
      return PackedFiles.read(path, name);
    } catch (IOException e) {
      throw new ModelException(path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Predictor predictor(String name) throws ModelException {
    checkOpen();
    Signature signature = Signatures.pick(signatures, name);
    return new LitePredictor(this, signature, entries.get(signature.name()), options);
  }

  /**
   * Gets the gang's parked workers spinning before a prediction's steps ({@link ThreadGang#wake}).
   */
  void wakeThreads() {
    if (threads != null) {
      threads.wake();
    }
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the model " + path + " is closed");
    }
  }

  @Override
  public void close() {
    closed = true;
    if (threads != null) {
      threads.close();
    }
  }
}
