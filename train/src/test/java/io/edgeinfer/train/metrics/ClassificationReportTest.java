package io.edgeinfer.train.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {
  private static final List<String> LABELS = List.of("0", "1", "2");

  // Truth down, predicted across:
  //        0  1  2
  //   0    2  1  1    support 4
  //   1    1  2  0    support 3
  //   2    0  1  2    support 3
  //   predicted: 3  4  3
  private static final int[] TRUTH = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
  private static final int[] PREDICTED = {0, 0, 1, 2, 1, 1, 0, 2, 2, 1};

  @Test
  void handComputedExample() {
    ClassificationReport report = ClassificationReport.of(TRUTH, PREDICTED, LABELS, null);
    assertArrayEquals(new int[] {2, 1, 1}, report.confusion()[0]);
    assertArrayEquals(new int[] {1, 2, 0}, report.confusion()[1]);
    assertArrayEquals(new int[] {0, 1, 2}, report.confusion()[2]);
    assertEquals(0.6, report.accuracy(), 1e-15);
    assertEquals(10, report.count());
    assertTrue(Double.isNaN(report.loss()));
    // Class 0: P 2/3, R 2/4, F1 4/7. Class 1: P 2/4, R 2/3, F1 4/7. Class 2: P = R = F1 = 2/3.
    assertClass(report.perClass().get(0), "0", 2.0 / 3, 0.5, 4.0 / 7, 4);
    assertClass(report.perClass().get(1), "1", 0.5, 2.0 / 3, 4.0 / 7, 3);
    assertClass(report.perClass().get(2), "2", 2.0 / 3, 2.0 / 3, 2.0 / 3, 3);
    assertEquals(38.0 / 63, report.macroF1(), 1e-15);
    assertEquals(LABELS, report.labels());
  }

  @Test
  void aClassNeverPredictedHasZeroPrecisionAndF1() {
    ClassificationReport report =
        ClassificationReport.of(new int[] {0, 1, 1}, new int[] {0, 0, 0}, List.of("a", "b"), null);
    assertClass(report.perClass().get(0), "a", 1.0 / 3, 1, 0.5, 1);
    assertClass(report.perClass().get(1), "b", 0, 0, 0, 2);
    assertEquals(0.25, report.macroF1(), 1e-15);
  }

  @Test
  void lossIsMeanCrossEntropyWithClampedProbabilities() {
    float[][] probabilities = {{0.5f, 0.5f}, {1, 0}, {0.25f, 0.75f}};
    ClassificationReport report =
        ClassificationReport.of(
            new int[] {0, 1, 1}, new int[] {0, 0, 1}, List.of("a", "b"), probabilities);
    // -ln 0.5, then -ln 1e-7 (0 clamped up), then -ln 0.75.
    double expected = (Math.log(2) - Math.log(1e-7) - Math.log(0.75)) / 3;
    assertEquals(expected, report.loss(), 1e-12);
  }

  @Test
  void textShowsTheTable() {
    String text = ClassificationReport.of(TRUTH, PREDICTED, LABELS, null).toText();
    String expected =
        String.join(
            "\n",
            "rows      10",
            "accuracy  0.6000",
            "loss      n/a",
            "macro F1  0.6032",
            "",
            "class  precision  recall      f1  support",
            "0         0.6667  0.5000  0.5714        4",
            "1         0.5000  0.6667  0.5714        3",
            "2         0.6667  0.6667  0.6667        3",
            "",
            "confusion (rows: truth, columns: predicted)",
            "       0  1  2",
            "0      2  1  1",
            "1      1  2  0",
            "2      0  1  2",
            "");
    assertEquals(expected, text);
  }

  @Test
  void jsonHasEverything() throws IOException {
    ClassificationReport report =
        ClassificationReport.of(
            new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 0}, List.of("no", "yes"), null);
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      report.writeJson(json);
    }
    assertEquals(
        "{\"count\":4,\"accuracy\":0.5,\"loss\":null,\"macro_f1\":0.5,\"labels\":[\"no\",\"yes\"],"
            + "\"per_class\":["
            + "{\"label\":\"no\",\"precision\":0.5,\"recall\":0.5,\"f1\":0.5,\"support\":2},"
            + "{\"label\":\"yes\",\"precision\":0.5,\"recall\":0.5,\"f1\":0.5,\"support\":2}],"
            + "\"confusion\":[[1,1],[1,1]]}",
        out.toString());
  }

  @Test
  void badInputs() {
    assertEquals(
        "expected a class id in 0..1, found 2 at row 2",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    ClassificationReport.of(
                        new int[] {0, 1}, new int[] {0, 2}, List.of("a", "b"), null))
            .getMessage());
    assertEquals(
        "expected one prediction per row, found 2 rows, 1 predictions",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    ClassificationReport.of(
                        new int[] {0, 1}, new int[] {0}, List.of("a", "b"), null))
            .getMessage());
    assertEquals(
        "expected 2 probabilities per row, found 1 at row 1",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    ClassificationReport.of(
                        new int[] {0}, new int[] {0}, List.of("a", "b"), new float[][] {{1}}))
            .getMessage());
  }

  private static void assertClass(
      ClassMetrics metrics, String label, double precision, double recall, double f1, int support) {
    assertEquals(label, metrics.label());
    assertEquals(precision, metrics.precision(), 1e-15, "precision");
    assertEquals(recall, metrics.recall(), 1e-15, "recall");
    assertEquals(f1, metrics.f1(), 1e-15, "f1");
    assertEquals(support, metrics.support());
  }
}
