package io.edgeinfer.train.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RegressionReportTest {
  // Errors -0.5, 0, 0.5, -1: MSE 1.5 / 4, MAE 2 / 4; the truth's mean is 2.5, its total sum of
  // squares 5, so R² = 1 - 1.5 / 5 = 0.7.
  private static final float[] TRUTH = {1, 2, 3, 4};
  private static final float[] PREDICTED = {1.5f, 2, 2.5f, 5};

  @Test
  void knownCase() {
    RegressionReport report = RegressionReport.of(TRUTH, PREDICTED);
    assertEquals(0.375, report.mse(), 1e-15);
    assertEquals(0.5, report.mae(), 1e-15);
    assertEquals(0.7, report.r2(), 1e-15);
    assertEquals(4, report.count());
    assertEquals("mse 0.3750  mae 0.5000  r2 0.7000  (4 rows)", report.toText());
  }

  @Test
  void r2OfAMeanPredictorIsZeroAndOfAConstantTargetFollowsScikitLearn() {
    assertEquals(0, RegressionReport.of(TRUTH, new float[] {2.5f, 2.5f, 2.5f, 2.5f}).r2(), 1e-15);
    assertEquals(1, RegressionReport.of(new float[] {2, 2}, new float[] {2, 2}).r2());
    assertEquals(0, RegressionReport.of(new float[] {2, 2}, new float[] {1, 3}).r2());
  }

  @Test
  void json() throws IOException {
    RegressionReport report = new RegressionReport(0.375, 0.5, Double.NaN, 4);
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      report.writeJson(json);
    }
    assertEquals("{\"count\":4,\"mse\":0.375,\"mae\":0.5,\"r2\":null}", out.toString());
  }

  @Test
  void smallAndLargeNumbersStayReadable() {
    assertEquals(
        "mse 1.2346e-05  mae 1.2346e+07  r2 n/a  (1 row)",
        new RegressionReport(1.23456e-5, 12345678, Double.NaN, 1).toText());
  }

  @Test
  void badInputs() {
    assertEquals(
        "expected one prediction per row, found 2 rows and 1 predictions",
        assertThrows(
                IllegalArgumentException.class,
                () -> RegressionReport.of(new float[] {1, 2}, new float[] {1}))
            .getMessage());
    assertEquals(
        "expected at least one row to evaluate, found none",
        assertThrows(
                IllegalArgumentException.class,
                () -> RegressionReport.of(new float[0], new float[0]))
            .getMessage());
  }
}
