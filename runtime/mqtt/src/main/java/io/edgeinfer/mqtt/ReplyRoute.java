package io.edgeinfer.mqtt;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the answer to an inbound message goes, fixed when the message arrives and carried with it
 * to the sink: nothing later works it out again from topic strings (a watched file's name, read
 * back from a topic, was lost when it held a character a topic level may not).
 */
public sealed interface ReplyRoute {
  /** The correlation data every publish of the answer carries, or null. */
  byte[] correlationData();

  /**
   * An MQTT request without a response topic: answered on the output topic made from the topic it
   * came on, errors on the error topic.
   *
   * @param correlationData the request's MQTT v5 correlation data, or null
   */
  record OutputTopic(byte[] correlationData) implements ReplyRoute {}

  /**
   * An MQTT v5 request with a response topic: answered there with its correlation data; errors also
   * go to the error topic.
   *
   * @param responseTopic as the sender wrote it (checked before anything is published on it)
   * @param correlationData the request's correlation data, or null
   */
  record ResponseTopic(String responseTopic, byte[] correlationData) implements ReplyRoute {
    public ResponseTopic {
      Objects.requireNonNull(responseTopic, "responseTopic");
    }
  }

  /**
   * A watched file: answered by a file beside it (and, with a broker, on the output topic of {@code
   * file/NAME}).
   *
   * @param folder the watched folder
   * @param name the file's name in it, as the folder listed it
   */
  record WatchedFile(Path folder, String name) implements ReplyRoute {
    public WatchedFile {
      Objects.requireNonNull(folder, "folder");
      Objects.requireNonNull(name, "name");
    }

    @Override
    public byte[] correlationData() {
      return null;
    }
  }

  /** The route of an MQTT message, from its v5 properties (either may be null). */
  static ReplyRoute ofMqtt(String responseTopic, byte[] correlationData) {
    return responseTopic == null
        ? new OutputTopic(correlationData)
        : new ResponseTopic(responseTopic, correlationData);
  }
}
