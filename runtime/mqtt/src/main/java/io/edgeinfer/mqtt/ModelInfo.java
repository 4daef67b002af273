package io.edgeinfer.mqtt;

import java.util.List;

/**
 * What replies and status messages say about the model being served.
 *
 * @param classLabels labels for the class ids of a classifier (from its model card), else empty
 */
public record ModelInfo(String name, String version, String engine, List<String> classLabels) {
  public ModelInfo {
    classLabels = List.copyOf(classLabels);
  }
}
