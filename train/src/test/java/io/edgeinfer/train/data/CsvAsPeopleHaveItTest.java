package io.edgeinfer.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV files as they come: scikit-learn's header of counts, named columns, text labels, semicolons.
 */
class CsvAsPeopleHaveItTest {
  @TempDir Path dir;

  private Dataset read(String text, LabelColumn label, CsvOptions options) throws IOException {
    return DatasetReader.read(DataFiles.write(dir, "data.csv", text), label, options);
  }

  private Dataset read(String text) throws IOException {
    return read(text, LabelColumn.LAST, CsvOptions.DETECT);
  }

  private String error(String text, LabelColumn label, CsvOptions options) {
    Path file = DataFiles.write(dir, "bad.csv", text);
    return assertThrows(DataException.class, () -> DatasetReader.read(file, label, options))
        .getMessage();
  }

  @Test
  void scikitLearnsHeaderOfCountsNamesTheClasses() throws IOException {
    // wine_data.csv's shape: rows, features, class names, then wider rows with the class id last.
    Dataset data = read("4,3,class_0,class_1,class_2\n1,2,3,0\n4,5,6,1\n7,8,9,2\n1,1,1,2\n");
    assertEquals(4, data.size());
    assertEquals(3, data.featureCount());
    assertArrayEquals(new float[] {0, 1, 2, 2}, data.labels());
    assertEquals(List.of("class_0", "class_1", "class_2"), data.classNames());
    assertEquals("class_2", data.labelText(3));
    // iris.csv's header happens to have as many cells as its rows.
    Dataset iris = read("2,1,setosa,versicolor\n5.1,0\n4.9,1\n");
    assertEquals(List.of("setosa", "versicolor"), iris.classNames());
    assertArrayEquals(new float[] {5.1f}, iris.features()[0]);
  }

  @Test
  void aHeaderOfCountsWithAnIdBeyondItsNamesIsRefused() {
    assertEquals(
        "expected a class id 0..1 (the header on line 1 names 2 classes) at line 3, column 2,"
            + " found 2",
        error("2,1,a,b\n5,0\n6,2\n", LabelColumn.LAST, CsvOptions.DETECT));
  }

  @Test
  void aHeaderOfOtherWidthThatDoesNotCountTheTableIsRefused() {
    assertEquals(
        "expected the header on line 1 to name 3 columns like line 2, found 2 (a header of"
            + " counts, as scikit-learn writes, starts with the number of rows, 2, and of"
            + " features, 2)",
        error("x,label\n1,2,0\n3,4,1\n", LabelColumn.LAST, CsvOptions.DETECT));
  }

  @Test
  void textLabelsBecomeClassesInSortedOrder() throws IOException {
    Dataset data =
        read(
            "temp,state,rpm\n20,idle,0\n80,running,1500\n95,fault,300\n21,idle,5\n"
                + "90,fault,200\n79,running,1400\n",
            LabelColumn.parse("state"),
            CsvOptions.DETECT);
    assertEquals(List.of("fault", "idle", "running"), data.classNames());
    assertArrayEquals(new float[] {1, 2, 0, 1, 0, 2}, data.labels());
    assertArrayEquals(new float[] {80, 1500}, data.features()[1]);
    assertEquals(List.of("fault", "idle", "running"), ClassLabels.of(data).names());
  }

  @Test
  void aLabelColumnByNameNeedsAHeaderThatHasIt() {
    assertEquals(
        "expected a label column named 'kind' in the header, found [a, b, label]",
        error("a,b,label\n1,2,0\n", LabelColumn.parse("kind"), CsvOptions.DETECT));
    assertEquals(
        "expected a header row to find the label column 'kind' by name, found none (the first"
            + " row holds numbers; give --label-column an index)",
        error("1,2,0\n3,4,1\n", LabelColumn.parse("kind"), CsvOptions.DETECT));
  }

  @Test
  void delimitersAreDetected() throws IOException {
    Dataset semicolons = read("a;b;label\n1.5;2;0\n3;4;1\n");
    assertArrayEquals(new float[] {1.5f, 2}, semicolons.features()[0]);
    Dataset tabs = read("1\t2\t0\n3\t4\t1\n");
    assertArrayEquals(new float[] {3, 4}, tabs.features()[1]);
    Dataset pipes = read("1|2|yes\n3|4|no\n");
    assertEquals(List.of("no", "yes"), pipes.classNames());
    // Quoted commas are inside a cell, not between cells.
    Dataset quoted = read("\"a, first\",b,label\n1,2,0\n");
    assertEquals(2, quoted.featureCount());
  }

  @Test
  void theHeaderCanBeToldEitherWay() throws IOException {
    // Numbers on the first row, but they name the columns.
    Dataset header = read("1,2,3\n4,5,0\n6,7,1\n", LabelColumn.LAST, new CsvOptions(true, null));
    assertEquals(2, header.size());
    Dataset none = read("1,2,3\n4,5,0\n", LabelColumn.LAST, new CsvOptions(false, null));
    assertEquals(2, none.size());
    assertEquals(
        "expected a number at line 1, column 1, found 'a'",
        error("a,b,label\n1,2,0\n", LabelColumn.LAST, new CsvOptions(false, null)));
    Dataset told = read("1;2;0\n", LabelColumn.LAST, new CsvOptions(null, ';'));
    assertEquals(2, told.featureCount());
  }

  @Test
  void theDelimiterIsParsedAsTyped() {
    assertEquals('\t', CsvOptions.parseDelimiter("tab"));
    assertEquals(';', CsvOptions.parseDelimiter(";"));
    assertEquals(
        "expected one character (such as , or ;) or 'tab' as the delimiter, found ';;'",
        assertThrows(IllegalArgumentException.class, () -> CsvOptions.parseDelimiter(";;"))
            .getMessage());
  }

  @Test
  void aNamedClassWithoutSamplesIsRefused() throws IOException {
    Dataset data = read("4,1,a,b,c\n1,0\n2,0\n3,1\n4,1\n");
    assertEquals(
        "class 'c' has no samples; every class needs at least 2 to be split",
        assertThrows(DataException.class, () -> ClassLabels.of(data)).getMessage());
  }
}
