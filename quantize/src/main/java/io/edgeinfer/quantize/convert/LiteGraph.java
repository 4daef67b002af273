package io.edgeinfer.quantize.convert;

import io.edgeinfer.core.DataType;
import io.edgeinfer.quantize.graph.Constant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The converted model before it is written: float32 values and TFLite operators in execution order,
 * with the signature's names. The emitters turn it into a file in each mode.
 */
public final class LiteGraph {
  private final List<Value> values = new ArrayList<>();
  private final List<Op> ops = new ArrayList<>();
  private final Map<String, Integer> inputs = new LinkedHashMap<>();
  private final Map<String, Integer> outputs = new LinkedHashMap<>();
  private final String signature;

  public LiteGraph(String signature) {
    this.signature = signature;
  }

  public String signature() {
    return signature;
  }

  public int activation(String name, int[] shape) {
    return activation(name, shape, DataType.FLOAT32);
  }

  public int activation(String name, int[] shape, DataType type) {
    values.add(new Value(values.size(), name, shape.clone(), null, type));
    return values.size() - 1;
  }

  public int constant(String name, Constant constant) {
    values.add(
        new Value(
            values.size(),
            name,
            constant.shape().clone(),
            constant,
            constant.isFloat() ? DataType.FLOAT32 : DataType.INT32));
    return values.size() - 1;
  }

  public void add(Op op) {
    ops.add(op);
  }

  public void input(String name, int value) {
    inputs.put(name, value);
  }

  public void output(String name, int value) {
    outputs.put(name, value);
  }

  public Value value(int id) {
    return values.get(id);
  }

  public List<Value> values() {
    return Collections.unmodifiableList(values);
  }

  public List<Op> ops() {
    return Collections.unmodifiableList(ops);
  }

  public Map<String, Integer> inputs() {
    return Collections.unmodifiableMap(inputs);
  }

  public Map<String, Integer> outputs() {
    return Collections.unmodifiableMap(outputs);
  }
}
