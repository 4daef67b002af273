package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeinfer.tensorflow.testing.SharedModels;
import io.edgeinfer.tensorflow.testing.TestSavedModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
  @TempDir static Path dir;
  static Path affine;

  @BeforeAll
  static void makeModel() throws Exception {
    affine = TestSavedModels.affine(dir.resolve("affine"));
  }

  @Test
  void showsSignaturesAsText() {
    Cli cli = Cli.run("inspect", affine.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().contains("engine: tensorflow\n"), cli.toString());
    assertTrue(cli.out().contains("signature 'serving_default'"), cli.toString());
    assertTrue(
        cli.out().matches("(?s).*\n +x +float32 +\\[-1, 3\\] +graph tensor x:0\n.*"),
        cli.toString());
    assertTrue(cli.out().matches("(?s).*\n +y +float32 +\\[-1, 2\\] .*"), cli.toString());
    assertTrue(cli.out().contains("signature 'double'"), cli.toString());
  }

  @Test
  void showsSignaturesAsJson() {
    Cli cli = Cli.run("inspect", "--json", affine.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    JsonNode json = Json.parse(cli.out());
    assertEquals("tensorflow", json.get("engine").asText());
    assertEquals("serve", json.get("metadata").get("tags").asText());
    // Numbers as numbers; a field the engine could not fill (TF Java writes no version) left out.
    JsonNode nodes = json.get("metadata").get("graph_nodes");
    assertTrue(nodes.isIntegralNumber() && nodes.asInt() > 5, cli.out());
    assertTrue(!json.get("metadata").has("tensorflow_version"), cli.out());
    JsonNode serving = json.get("signatures").get(1);
    assertEquals("serving_default", serving.get("name").asText());
    JsonNode x = serving.get("inputs").get(0);
    assertEquals("x", x.get("name").asText());
    assertEquals("float32", x.get("dtype").asText());
    assertEquals(List.of(-1.0, 3.0), Json.numbers(x.get("shape")));
    assertEquals("x:0", x.get("graph_name").asText());
  }

  @Test
  void listsEverySignatureOfPythonTf2Model() {
    Path model = SharedModels.require("savedmodel/half_plus_two_tf2");
    Cli cli = Cli.run("inspect", model.toString(), "--json");
    assertEquals(0, cli.exitCode(), cli.toString());
    List<String> names = new ArrayList<>();
    Json.parse(cli.out()).get("signatures").forEach(s -> names.add(s.get("name").asText()));
    assertEquals(
        List.of(
            "classify_x2_to_y3",
            "classify_x_to_y",
            "regress_x2_to_y3",
            "regress_x_to_y",
            "regress_x_to_y2",
            "serving_default"),
        names);
  }

  @Test
  void statesUnknownRank() {
    Path model = SharedModels.require("savedmodel/half_plus_two_tf1");
    Cli cli = Cli.run("inspect", model.toString(), "--json");
    JsonNode signatures = Json.parse(cli.out()).get("signatures");
    JsonNode classify = signatures.get(0);
    assertEquals("classify_x_to_y", classify.get("name").asText());
    assertTrue(classify.get("inputs").get(0).get("unknown_rank").asBoolean(), cli.out());
    assertTrue(classify.get("inputs").get(0).get("shape").isNull(), cli.out());
    Cli text = Cli.run("inspect", model.toString());
    assertTrue(text.out().matches("(?s).*inputs +string +<unknown rank>.*"), text.toString());
  }
}
