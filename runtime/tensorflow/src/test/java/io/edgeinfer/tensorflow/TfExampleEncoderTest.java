package io.edgeinfer.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.core.codec.TfExampleEncoder;
import io.edgeinfer.core.codec.TfExampleEncoder.Feature;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.Example;

/** Core writes tf.Example by hand; TensorFlow's own protobuf classes must read it back. */
class TfExampleEncoderTest {
  @Test
  void tensorFlowParsesWhatTheEncoderWrites() throws Exception {
    Map<String, Feature> features = new LinkedHashMap<>();
    features.put("x", new Feature.Floats(new float[] {1.5f, -0.0f, Float.MAX_VALUE}));
    features.put("ids", new Feature.Int64s(new long[] {0, 300, -1, Long.MIN_VALUE}));
    features.put("name", new Feature.Bytes(List.of("héllo".getBytes(StandardCharsets.UTF_8))));
    Example example = Example.parseFrom(TfExampleEncoder.encode(features));
    Map<String, org.tensorflow.proto.Feature> parsed = example.getFeatures().getFeatureMap();
    assertEquals(
        List.of(1.5f, -0.0f, Float.MAX_VALUE), parsed.get("x").getFloatList().getValueList());
    assertEquals(
        List.of(0L, 300L, -1L, Long.MIN_VALUE), parsed.get("ids").getInt64List().getValueList());
    assertEquals("héllo", parsed.get("name").getBytesList().getValue(0).toStringUtf8());
  }
}
