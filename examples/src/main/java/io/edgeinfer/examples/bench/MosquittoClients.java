package io.edgeinfer.examples.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Mosquitto's own command-line clients, {@code mosquitto_pub} and {@code mosquitto_sub}, as the
 * throughput run's load client and reply collector. Written in C, they take a fraction of the CPU a
 * Paho client takes per message, and the broker, the relay and they share the same cores: the less
 * they take, the more of the machine is left to what is measured.
 */
final class MosquittoClients implements Clients {
  private final String host;
  private final int port;

  private MosquittoClients(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** The clients for a plain {@code tcp://} broker, when both programs are on the PATH. */
  static Optional<MosquittoClients> forBroker(String uri) {
    URI parsed = URI.create(uri);
    if (!"tcp".equals(parsed.getScheme()) || !onPath("mosquitto_pub") || !onPath("mosquitto_sub")) {
      return Optional.empty();
    }
    int port = parsed.getPort() < 0 ? 1883 : parsed.getPort();
    return Optional.of(new MosquittoClients(parsed.getHost(), port));
  }

  @Override
  public RequestSender sender(String topic, int qos) throws IOException {
    return MosquittoPub.start(this, topic, qos);
  }

  @Override
  public ReplyCollector collector(
      String replyTopic, String errorTopic, int qos, int expected, Runnable onAnswer)
      throws IOException, InterruptedException {
    return ReplyCollector.mosquittoSub(this, replyTopic, errorTopic, qos, expected, onAnswer);
  }

  /** Publishes each line of its standard input as one message, at most {@code window} in flight. */
  List<String> publisher(String topic, int qos, int window) {
    List<String> command = common("mosquitto_pub", qos);
    command.addAll(List.of("-t", topic, "-l", "-M", Integer.toString(window)));
    return command;
  }

  /** Prints every message of the topics as one line, {@code topic payload}. */
  List<String> subscriber(List<String> topics, int qos) {
    List<String> command = common("mosquitto_sub", qos);
    for (String topic : topics) {
      command.addAll(List.of("-t", topic));
    }
    command.add("-v");
    return command;
  }

  /** One message, sent and done. */
  List<String> single(String topic, String message) {
    List<String> command = common("mosquitto_pub", 0);
    command.addAll(List.of("-t", topic, "-m", message));
    return command;
  }

  private List<String> common(String program, int qos) {
    return new ArrayList<>(
        List.of(
            program,
            "-h",
            host,
            "-p",
            Integer.toString(port),
            "-V",
            "mqttv5",
            "-q",
            Integer.toString(qos),
            "--nodelay"));
  }

  /** CPU time of a running process, user and system. */
  static OptionalLong cpuNanos(Process process) {
    return process
        .info()
        .totalCpuDuration()
        .map(Duration::toNanos)
        .map(OptionalLong::of)
        .orElseGet(OptionalLong::empty);
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (new File(dir, program).canExecute()) {
        return true;
      }
    }
    return false;
  }
}
