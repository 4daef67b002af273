package io.edgeinfer.examples.bench;

/**
 * Where one run's requests go and where their replies come back.
 *
 * @param name what is measured, for messages
 * @param requestTopic where the load client publishes
 * @param replyTopic where the reply collector listens for answers
 * @param errorTopic where it listens for error replies
 * @param qos used by the load client, the relay and the reply collector alike
 */
record Route(String name, String requestTopic, String replyTopic, String errorTopic, int qos) {

  /**
   * No relay: the collector subscribes to the request topic itself, so a "reply" is the request as
   * the broker delivers it. What the broker and Paho alone cost on this machine.
   */
  static Route brokerOnly(String topic, int qos) {
    return new Route(ServeBenchmark.BROKER_ONLY, topic, topic, topic + "/error", qos);
  }
}
