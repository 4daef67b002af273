package io.edgeinfer.train.data;

import java.util.List;
import java.util.Optional;

/**
 * scikit-learn's CSV header ({@code 150,4,setosa,versicolor,virginica} in iris.csv): the number of
 * rows, the number of features, then the name of each class id 0, 1, ... in order.
 */
final class CountsHeader {
  private CountsHeader() {}

  /** The class names, if {@code header} counts this table's rows and features. */
  static Optional<List<String>> classNames(List<String> header, int rows, int columns) {
    if (header.size() < 2
        || !header.get(0).equals(Integer.toString(rows))
        || !header.get(1).equals(Integer.toString(columns - 1))) {
      return Optional.empty();
    }
    return Optional.of(header.subList(2, header.size()));
  }
}
