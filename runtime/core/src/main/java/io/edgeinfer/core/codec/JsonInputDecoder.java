package io.edgeinfer.core.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * TF Serving's REST request bodies: {@code {"instances": [...]}} (rows) or {@code {"inputs": ...}}
 * (columnar), with an optional {@code "signature_name"}; a bare list is taken as the instances.
 * Values are read straight into the input's type.
 */
final class JsonInputDecoder {
  private final JsonParser parser;
  private final JsonValueReader reader;
  private final Signature signature;
  private final Map<String, Column> columns = new LinkedHashMap<>();
  private Tensor examples;
  private int instances = -1;

  private JsonInputDecoder(JsonParser parser, Signature signature) {
    this.parser = parser;
    this.reader = new JsonValueReader(parser);
    this.signature = signature;
  }

  /** The tensors, not yet conformed to the specs. */
  static DecodedInput decode(byte[] payload, Signature signature) {
    try (JsonParser parser = Json.FACTORY.createParser(payload)) {
      return new JsonInputDecoder(parser, signature).document();
    } catch (JsonProcessingException e) {
      // Jackson's message names the source ("REDACTED") inside its locations; drop that.
      String message =
          String.valueOf(e.getOriginalMessage()).replaceAll("\\[Source: [^;\\]]*; ", "[");
      String where = e.getLocation() == null ? "" : " " + Json.at(e.getLocation());
      throw new MalformedInputException("malformed JSON: " + message + where);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private DecodedInput document() throws IOException {
    JsonToken token = parser.nextToken();
    String signatureName = null;
    RequestId id = null;
    boolean columnar = false;
    boolean haveData = false;
    if (token == JsonToken.START_ARRAY) {
      rows();
    } else if (token == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        boolean data =
            field.equals("instances") || field.equals("inputs") || field.equals("examples");
        if (!data && !field.equals("signature_name") && !field.equals("id")) {
          throw error(
              "expected \"instances\", \"inputs\", \"examples\", \"signature_name\" or \"id\","
                  + " found "
                  + Json.describe(parser));
        }
        if (data && haveData) {
          throw error("expected one of \"instances\", \"inputs\" or \"examples\", found two");
        }
        parser.nextToken();
        if (field.equals("id")) {
          id = id();
        } else if (field.equals("signature_name")) {
          signatureName = signatureName();
        } else if (field.equals("instances")) {
          rows();
        } else if (field.equals("examples")) {
          examplesInput();
        } else {
          columnar = true;
          inputs();
        }
        haveData |= data;
      }
      if (!haveData) {
        throw error("expected \"instances\", \"inputs\" or \"examples\", found none");
      }
    } else {
      throw error(
          "expected an object with \"instances\" or \"inputs\", or a list of instances, found "
              + Json.describe(parser));
    }
    if (parser.nextToken() != null) {
      throw error("expected the end of input, found " + Json.describe(parser));
    }
    if (examples != null) {
      return new DecodedInput(Map.of(onlyInput().name(), examples), signatureName, false, id);
    }
    return new DecodedInput(tensors(), signatureName, columnar, id);
  }

  /** TF Serving's classify/regress body: a list of tf.Example feature maps for a string input. */
  private void examplesInput() throws IOException {
    TensorSpec only = onlyInput();
    if (only.dataType() != DataType.STRING) {
      throw error(
          "expected \"examples\" only for a signature that takes serialized tf.Example strings,"
              + " found input '"
              + only.name()
              + "' of "
              + only.dataType().label());
    }
    List<byte[]> serialized = new JsonExamplesReader(parser).read();
    examples = Tensor.ofStrings(serialized, serialized.size());
  }

  /** A request id: a string, or a number kept as it was written. */
  private RequestId id() throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return RequestId.ofString(parser.getText());
    }
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw error("expected a string or a number for \"id\", found " + Json.describe(parser));
    }
    return RequestId.ofNumber(parser.getText());
  }

  private String signatureName() throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw error("expected a string for \"signature_name\", found " + Json.describe(parser));
    }
    return parser.getText();
  }

  /** The instances list: one value (or one object of named values) per instance. */
  private void rows() throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw error("expected \"instances\" to be a list, found " + Json.describe(parser));
    }
    Set<String> firstNames = null;
    instances = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      JsonLocation start = parser.currentTokenLocation();
      Set<String> names = instance();
      if (instances == 0) {
        firstNames = names;
      } else if (!Objects.equals(firstNames, names)) {
        throw new MalformedInputException(
            "expected every instance to give "
                + describeNames(firstNames)
                + " like the first, found "
                + describeNames(names)
                + " "
                + Json.at(start));
      }
      instances++;
    }
    if (instances == 0) {
      throw error("expected at least one instance, found an empty list");
    }
  }

  /** One instance; returns the names it gave, or null for a bare value of the only input. */
  private Set<String> instance() throws IOException {
    JsonLocation start = parser.currentTokenLocation();
    if (parser.currentToken() == JsonToken.START_OBJECT) {
      parser.nextToken();
      if (!isB64Field()) {
        return namedValues();
      }
      TensorSpec only = signature.inputs().get(0);
      reader.readB64Rest(column(only).buffer, only.name());
      column(only).add(new int[0], start);
      return null;
    }
    TensorSpec only = onlyInput();
    column(only).add(reader.read(column(only).buffer, only.name()), start);
    return null;
  }

  /** The columnar value: a tensor for the only input, or an object of named tensors. */
  private void inputs() throws IOException {
    JsonLocation start = parser.currentTokenLocation();
    if (parser.currentToken() == JsonToken.START_OBJECT) {
      parser.nextToken();
      if (!isB64Field()) {
        namedValues();
        return;
      }
      TensorSpec only = signature.inputs().get(0);
      reader.readB64Rest(column(only).buffer, only.name());
      column(only).add(new int[0], start);
      return;
    }
    TensorSpec only = onlyInput();
    column(only).add(reader.read(column(only).buffer, only.name()), start);
  }

  /** {@code "name": value} pairs from the current field up to the end of the object. */
  private Set<String> namedValues() throws IOException {
    Set<String> names = new LinkedHashSet<>();
    while (parser.currentToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      TensorSpec spec = signature.input(name).orElseThrow(() -> unknownInput(name));
      if (!names.add(name)) {
        throw error("expected each input once, found input '" + name + "' again");
      }
      parser.nextToken();
      JsonLocation start = parser.currentTokenLocation();
      Column column = column(spec);
      column.add(reader.read(column.buffer, name), start);
      parser.nextToken();
    }
    return names;
  }

  /** Whether the object just opened is a {@code {"b64": ...}} value rather than named inputs. */
  private boolean isB64Field() throws IOException {
    return parser.currentToken() == JsonToken.FIELD_NAME
        && parser.currentName().equals("b64")
        && signature.inputs().size() == 1
        && signature.inputs().get(0).dataType() == DataType.STRING
        && signature.input("b64").isEmpty();
  }

  private TensorSpec onlyInput() throws IOException {
    if (signature.inputs().size() != 1) {
      throw error(
          "expected an object naming the inputs ("
              + (signature.inputs().isEmpty() ? "none" : String.join(", ", signature.inputNames()))
              + "), found "
              + Json.describe(parser));
    }
    return signature.inputs().get(0);
  }

  private Column column(TensorSpec spec) {
    return columns.computeIfAbsent(spec.name(), name -> new Column(spec));
  }

  private Map<String, Tensor> tensors() {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (TensorSpec spec : signature.inputs()) {
      Column column = columns.get(spec.name());
      if (column != null) {
        tensors.put(spec.name(), column.toTensor(instances));
      }
    }
    return tensors;
  }

  private MalformedInputException unknownInput(String name) {
    return error(
        "unknown input '"
            + name
            + "' for signature '"
            + signature.name()
            + "': expected "
            + (signature.inputs().isEmpty() ? "none" : String.join(", ", signature.inputNames())));
  }

  private MalformedInputException error(String problem) {
    return new MalformedInputException(problem + " " + Json.at(parser));
  }

  private static String describeNames(Set<String> names) {
    return names == null ? "a bare value" : "inputs " + String.join(", ", names);
  }

  /** One input's elements and the shape of its first value; every later value must match it. */
  private static final class Column {
    final ElementBuffer buffer;
    final String name;
    int[] dims;

    Column(TensorSpec spec) {
      this.buffer = new ElementBuffer(spec.dataType());
      this.name = spec.name();
    }

    void add(int[] valueDims, JsonLocation start) {
      if (dims == null) {
        dims = valueDims;
      } else if (!Arrays.equals(dims, valueDims)) {
        throw new MalformedInputException(
            "input '"
                + name
                + "': "
                + JsonValueReader.unlike(dims, valueDims, "instance")
                + " "
                + Json.at(start));
      }
    }

    /** Rows stack the instances along a new first dimension; a columnar value is the tensor. */
    Tensor toTensor(int instances) {
      if (instances < 0) {
        return buffer.toTensor(Shape.of(dims));
      }
      int[] shape = new int[dims.length + 1];
      shape[0] = instances;
      System.arraycopy(dims, 0, shape, 1, dims.length);
      return buffer.toTensor(Shape.of(shape));
    }
  }
}
