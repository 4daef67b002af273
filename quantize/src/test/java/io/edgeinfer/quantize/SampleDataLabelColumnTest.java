package io.edgeinfer.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import io.edgeinfer.train.data.CsvOptions;
import io.edgeinfer.train.data.LabelColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calibration tables leave out the label column wherever it is, as train reads them. */
class SampleDataLabelColumnTest {
  @TempDir Path dir;

  @Test
  void aLabelColumnFirstIsLeftOut() throws Exception {
    Path csv = Files.writeString(dir.resolve("t.csv"), "kind;a;b\nsmall;1.5;2\nlarge;3;4.25\n");
    SampleData data =
        SampleData.read(csv, new int[] {-1, 2}, 10, LabelColumn.parse("kind"), CsvOptions.DETECT);
    assertArrayEquals(new float[] {1.5f, 2}, data.samples()[0]);
    assertArrayEquals(new float[] {3, 4.25f}, data.samples()[1]);

    Path npy = dir.resolve("t.npy");
    Files.write(npy, NpyCodec.write(Tensor.ofFloats(new float[] {7, 1, 2, 8, 3, 4}, 2, 3)));
    SampleData fromNpy =
        SampleData.read(npy, new int[] {-1, 2}, 10, new LabelColumn(0), CsvOptions.DETECT);
    assertArrayEquals(new float[] {3, 4}, fromNpy.samples()[1]);
    // Without a label column named, the last one is the label: 7,1 and 8,3 remain.
    assertEquals(8, SampleData.read(npy, new int[] {-1, 2}, 10).samples()[1][0]);
  }
}
