package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** The brokers tests run against: Mosquitto on 127.0.0.1:1883 when it is up. */
public final class Brokers {
  public static final String MOSQUITTO = "tcp://127.0.0.1:1883";

  private Brokers() {}

  public static boolean mosquittoUp() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 1883), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Mosquitto's URI, or the calling test is skipped with the reason. */
  public static String requireMosquitto() {
    assumeTrue(mosquittoUp(), "skipped: no MQTT broker on 127.0.0.1:1883 (start Mosquitto)");
    return MOSQUITTO;
  }
}
