package io.edgeinfer.examples.camera;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.vision.VisionOptions;
import io.edgeinfer.core.vision.VisionPipeline;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/camera/README.md, run as written on what the build made (on a free port instead of
 * 1884): the door snapshot published as a JPEG, the colour classifier's answer on the reply topic,
 * and the Home Assistant entities a late subscriber finds retained, with their state.
 */
class CameraExampleTest {
  private static final Path MODEL = Path.of("target/models/colours.tflite");
  private static final Path LABELS = Path.of("target/models/colours.labels.txt");
  private static final Path PHOTO = Path.of("target/data/camera/red-door.jpg");

  @TempDir Path dir;

  @Test
  void aDoorSnapshotBecomesAnMqttAnswerAndHomeAssistantEntities() throws Exception {
    assertTrue(Files.isRegularFile(MODEL), "the build should have made " + MODEL);
    assertTrue(Files.isRegularFile(PHOTO), "the build should have made " + PHOTO);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String uri = "tcp://127.0.0.1:" + port;
    try (ServeJvm serve =
            ServeJvm.start(
                dir.resolve("serve.log"),
                List.of(
                    "serve",
                    "--model",
                    MODEL.toString(),
                    "--labels",
                    LABELS.toString(),
                    "--broker",
                    "embedded:" + port,
                    "--input-topic",
                    "cameras/+",
                    "--client-id",
                    "door-cam",
                    "--outbox",
                    dir.resolve("outbox").toString(),
                    "--homeassistant",
                    "--ha-labels",
                    "red,green,blue",
                    "--ha-threshold",
                    "0.8"));
        Subscriber replies = new Subscriber(uri, "cameras/+/prediction")) {
      replies.publish("cameras/door", Files.readAllBytes(PHOTO));
      String reply = replies.await("cameras/door/prediction");
      assertTrue(
          reply.startsWith(
              "{\"topic\":\"cameras/door\",\"model\":\"colours.tflite\",\"model_version\":"),
          reply);
      assertTrue(
          reply.contains("\"task\":\"classify\",\"classes\":[{\"label\":\"red\",\"index\":0,"),
          reply + serve.output());
      assertTrue(reply.contains(library()), "the library's answer " + library() + " in " + reply);

      try (Subscriber homeAssistant =
          new Subscriber(uri, "homeassistant/#", "edgeinfer/door-cam/status/#")) {
        String config =
            homeAssistant.await("homeassistant/binary_sensor/door-cam/red_detected/config");
        assertTrue(
            config.contains("\"state_topic\":\"edgeinfer/door-cam/status/homeassistant\""), config);
        assertTrue(config.contains("\"unique_id\":\"edgeinfer_door-cam_red_detected\""), config);
        homeAssistant.await("homeassistant/sensor/door-cam/red_score/config");
        String state = homeAssistant.await("edgeinfer/door-cam/status/homeassistant");
        assertTrue(
            state.startsWith(
                "{\"detected\":{\"red\":\"ON\",\"green\":\"OFF\",\"blue\":\"OFF\"},\"score\":{"),
            state);
      }
    }
  }

  /** The classes the library gives for the photo, as JSON: what serve's reply must hold. */
  private static String library() throws Exception {
    try (Model model = Engines.load(MODEL, LoadOptions.DEFAULTS);
        Predictor predictor = model.predictor()) {
      String json =
          VisionPipeline.of(model, predictor, VisionOptions.DEFAULTS.withLabels(LABELS))
              .run(Files.readAllBytes(PHOTO))
              .toJson();
      return json.substring(1, json.length() - 1);
    }
  }

  /** A Paho client keeping the last message of each topic (retained ones included). */
  private static final class Subscriber implements AutoCloseable {
    private final MqttAsyncClient client;
    private final Map<String, String> last = new ConcurrentHashMap<>();

    Subscriber(String uri, String... filters) throws MqttException {
      client =
          new MqttAsyncClient(
              uri,
              "camera-test-" + UUID.randomUUID().toString().substring(0, 8),
              new MemoryPersistence());
      client.setCallback(
          new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
              last.put(topic, new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {}

            @Override
            public void mqttErrorOccurred(MqttException exception) {}

            @Override
            public void deliveryComplete(IMqttToken token) {}

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {}

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {}
          });
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setCleanStart(true);
      client.connect(options).waitForCompletion(10_000);
      MqttSubscription[] subscriptions = new MqttSubscription[filters.length];
      for (int i = 0; i < filters.length; i++) {
        subscriptions[i] = new MqttSubscription(filters[i], 1);
      }
      client.subscribe(subscriptions, null, null, new MqttProperties()).waitForCompletion(10_000);
    }

    void publish(String topic, byte[] payload) throws MqttException {
      MqttMessage message = new MqttMessage(payload);
      message.setQos(1);
      client.publish(topic, message).waitForCompletion(10_000);
    }

    String await(String topic) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        String payload = last.get(topic);
        if (payload != null) {
          return payload;
        }
        Thread.sleep(50);
      }
      throw new AssertionError("nothing on " + topic + "; seen " + last.keySet());
    }

    @Override
    public void close() throws MqttException {
      if (client.isConnected()) {
        client.disconnect().waitForCompletion(5000);
      }
      client.close(true);
    }
  }
}
