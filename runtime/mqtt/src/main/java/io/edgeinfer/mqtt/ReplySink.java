package io.edgeinfer.mqtt;

/**
 * Where the pipeline hands replies: an MQTT publisher, a folder of {@code .prediction.json} files,
 * or a test's list. It must not block for long: publishing is asynchronous.
 */
@FunctionalInterface
public interface ReplySink {
  void deliver(Reply reply);
}
