package io.edgeinfer.mqtt.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.ModelException;
import io.edgeinfer.mqtt.BrokerSettings;
import io.edgeinfer.mqtt.Metrics;
import io.edgeinfer.mqtt.ModelInfo;
import io.edgeinfer.mqtt.MqttService;
import io.edgeinfer.mqtt.PayloadFormats;
import io.edgeinfer.mqtt.PemTls;
import io.edgeinfer.mqtt.Pipeline;
import io.edgeinfer.mqtt.PipelineSettings;
import io.edgeinfer.mqtt.PrivateMosquitto;
import io.edgeinfer.mqtt.SumModel;
import io.edgeinfer.mqtt.TopicTemplate;
import io.edgeinfer.mqtt.outbox.Outbox;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s ssl:// path against a real Mosquitto whose TLS listener demands a client
 * certificate, with PEM files made by openssl as a user would make them.
 */
class TlsServeTest {
  @TempDir static Path dir;
  static TestPki pki;
  static PrivateMosquitto mosquitto;
  static String uri;

  @BeforeAll
  static void startBroker() throws Exception {
    pki = TestPki.in(dir.resolve("pki"));
    pki.authority("ca");
    // An IP SAN: Paho verifies the host name, and a CN alone no longer counts.
    pki.leaf(
        "server",
        "ca",
        "127.0.0.1",
        "subjectAltName = IP:127.0.0.1\nextendedKeyUsage = serverAuth\n");
    pki.leaf("client", "ca", "edgeinfer-client", "extendedKeyUsage = clientAuth\n");
    pki.authority("stranger-ca");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    mosquitto =
        PrivateMosquitto.start(
            dir.resolve("mosquitto"),
            "listener "
                + port
                + " 127.0.0.1\n"
                + "cafile "
                + pki.file("ca.crt")
                + "\ncertfile "
                + pki.file("server.crt")
                + "\nkeyfile "
                + pki.file("server.key")
                + "\nrequire_certificate true\nuse_identity_as_username false\n");
    uri = "ssl://127.0.0.1:" + port;
  }

  @AfterAll
  static void stopBroker() {
    if (mosquitto != null) {
      mosquitto.close();
    }
  }

  @Test
  void predictsOverMutualTls() throws Exception {
    SSLSocketFactory tls =
        PemTls.socketFactory(pki.file("ca.crt"), pki.file("client.crt"), pki.file("client.pk8"));
    String prefix = "edgeinfer-tls/" + UUID.randomUUID();
    try (MqttService service = serve(tls, prefix);
        TlsTestClient client = new TlsTestClient(uri, tls)) {
      client.subscribe(prefix + "/#");
      client.publish(prefix + "/in/kitchen", "{\"id\": \"t1\", \"instances\": [[1, 2, 3]]}");
      String reply = client.next(prefix + "/in/kitchen/prediction").payload();
      assertTrue(reply.contains("\"id\":\"t1\"") && reply.contains("\"sum\":6.0"), reply);
      // A clean stop over TLS too: it publishes "offline" and disconnects.
      service.drainAndStop(Duration.ofSeconds(5));
      String status;
      do { // skips the retained "online" if the wait for the prediction left it queued
        status = client.next(prefix + "/status").payload();
      } while (!status.contains("\"offline\""));
    }
  }

  /** F3 over TLS: the decrypted stream is guarded as plain TCP's is (LongCorrelationDataTest). */
  @Test
  void tooLongCorrelationDataOverTlsIsAnsweredAndIntakeGoesOn() throws Exception {
    SSLSocketFactory tls =
        PemTls.socketFactory(pki.file("ca.crt"), pki.file("client.crt"), pki.file("client.pk8"));
    String prefix = "edgeinfer-tls/" + UUID.randomUUID();
    try (MqttService service = serve(tls, prefix);
        TlsTestClient client = new TlsTestClient(uri, tls)) {
      // Not the requests themselves: the poison would kill this client's own Paho thread.
      client.subscribe(prefix + "/in/+/error");
      client.subscribe(prefix + "/replies/#");
      MqttProperties poison = new MqttProperties();
      poison.setResponseTopic(prefix + "/replies/me");
      poison.setCorrelationData(new byte[40_000]);
      client.publish(prefix + "/in/a", "[[1, 2, 3]]", poison);
      assertEquals(
          "{\"error\":\"expected correlation data of at most 32767 bytes (the most this"
              + " service's MQTT client reads), found 40000 bytes\",\"topic\":\""
              + prefix
              + "/in/a\",\"model\":\"sum\"}",
          client.next(prefix + "/in/a/error").payload());
      // Paho's receiving thread lives on: the longest correlation data it reads is answered.
      MqttProperties longest = new MqttProperties();
      longest.setResponseTopic(prefix + "/replies/me");
      longest.setCorrelationData(new byte[32_767]);
      client.publish(prefix + "/in/b", "{\"id\": 9, \"instances\": [[1, 2, 3]]}", longest);
      String reply;
      do { // the error for the first request went to the response topic too
        reply = client.next(prefix + "/replies/me").payload();
      } while (reply.contains("\"error\""));
      assertTrue(reply.startsWith("{\"id\":9,") && reply.contains("\"sum\":6.0"), reply);
      service.drainAndStop(Duration.ofSeconds(5));
    }
  }

  @Test
  void aCaThatDidNotSignTheBrokerIsRefused() throws Exception {
    SSLSocketFactory tls =
        PemTls.socketFactory(
            pki.file("stranger-ca.crt"), pki.file("client.crt"), pki.file("client.pk8"));
    ModelException e =
        assertThrows(ModelException.class, () -> serve(tls, "edgeinfer-tls/" + UUID.randomUUID()));
    // Paho's own part is "Untranslated MqttException - RC: 0"; the JDK's cause is the stable part.
    assertTrue(
        e.getMessage().startsWith("cannot reach the MQTT broker at " + uri + ": ")
            && e.getMessage().contains("PKIX path building failed"),
        e.getMessage());
  }

  @Test
  void withoutAClientCertificateTheBrokerSaysNo() throws Exception {
    // Proves the client certificate above was really needed, and sent.
    SSLSocketFactory tls = PemTls.socketFactory(pki.file("ca.crt"), null, null);
    ModelException e =
        assertThrows(ModelException.class, () -> serve(tls, "edgeinfer-tls/" + UUID.randomUUID()));
    // TLS 1.3: Mosquitto refuses after the handshake, with this alert (40 of 40 runs here).
    assertTrue(
        e.getMessage().startsWith("cannot reach the MQTT broker at " + uri + ": ")
            && e.getMessage().contains("certificate_required"),
        e.getMessage());
  }

  /** The service as MqttServiceTest starts it, around SumModel, on {@code PREFIX/in/+}. */
  private static MqttService serve(SSLSocketFactory tls, String prefix) throws Exception {
    SumModel model = new SumModel();
    ModelInfo info = new ModelInfo("sum", "1", "java", List.of("negative", "positive"));
    Metrics metrics = new Metrics();
    PipelineSettings settings =
        new PipelineSettings(
            1,
            32,
            5,
            1000,
            1 << 20,
            false,
            TopicTemplate.parse("{topic}/prediction"),
            TopicTemplate.parse("{topic}/error"),
            1,
            new PayloadFormats(null));
    BrokerSettings broker =
        new BrokerSettings(
            uri,
            "edgeinfer-tls-" + UUID.randomUUID(),
            null,
            null,
            tls,
            List.of(prefix + "/in/+"),
            1,
            prefix + "/status",
            0);
    return MqttService.start(
        broker,
        info,
        metrics,
        Outbox.open(dir.resolve("outbox-" + UUID.randomUUID()), 1000, 1 << 20),
        1000,
        sink -> new Pipeline(model, SumModel.SIGNATURE, info, settings, sink, metrics));
  }
}
