package io.edgeinfer.broker;

import io.edgeinfer.mqtt.EmbeddedBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * Apache Artemis as an in-process MQTT 3.1.1/5 broker: in memory, anonymous, MQTT only. Artemis
 * 2.50 or newer is needed: older ones drop the subscription identifier on shared subscriptions.
 */
public final class ArtemisBroker implements EmbeddedBroker {
  /** Kept strongly: java.util.logging forgets levels set on loggers nobody holds. */
  private static final Logger ARTEMIS_LOGS = Logger.getLogger("org.apache.activemq");

  private ActiveMQServer server;
  private Path dataDir;

  @Override
  public void start(String host, int port) throws Exception {
    // Artemis logs ~10 lines at start and an audit line per message at INFO.
    ARTEMIS_LOGS.setLevel(Level.WARNING);
    dataDir = Files.createTempDirectory("edgeinfer-broker");
    Configuration config =
        new ConfigurationImpl()
            .setName("edgeinfer-embedded")
            .setPersistenceEnabled(false)
            .setSecurityEnabled(false)
            .setJMXManagementEnabled(false)
            .setJournalDirectory(dataDir.resolve("journal").toString())
            .setBindingsDirectory(dataDir.resolve("bindings").toString())
            // Only paging past the memory limit would ever write here.
            .setPagingDirectory(dataDir.resolve("paging").toString())
            .setLargeMessagesDirectory(dataDir.resolve("large").toString())
            .setNodeManagerLockDirectory(dataDir.resolve("lock").toString())
            .setCreateBindingsDir(false)
            .setCreateJournalDir(false)
            .setJournalType(JournalType.NIO)
            .setGlobalMaxSize(64L << 20)
            .setCriticalAnalyzer(false);
    config.addAcceptorConfiguration(
        "mqtt", "tcp://" + host + ":" + port + "?protocols=MQTT;useEpoll=false;useKQueue=false");
    config.addAddressSetting(
        "#",
        new AddressSettings()
            .setAutoCreateAddresses(true)
            .setAutoCreateQueues(true)
            .setAutoDeleteAddresses(true)
            .setAutoDeleteQueues(true)
            .setDefaultAddressRoutingType(RoutingType.MULTICAST)
            .setDefaultQueueRoutingType(RoutingType.MULTICAST)
            .setMaxSizeBytes(-1)
            .setDeadLetterAddress(SimpleString.of("DLQ"))
            .setExpiryAddress(SimpleString.of("ExpiryQueue")));
    server = ActiveMQServers.newActiveMQServer(config, false);
    server.start();
    if (!server.waitForActivation(10, TimeUnit.SECONDS)) {
      close();
      throw new IllegalStateException("the embedded broker did not start within 10 s");
    }
  }

  @Override
  public String description() {
    return "Apache Artemis " + server.getVersion().getFullVersion();
  }

  @Override
  public void close() {
    try {
      if (server != null) {
        server.stop();
      }
    } catch (Exception e) {
      ARTEMIS_LOGS.fine("stopping the embedded broker: " + e.getMessage());
    } finally {
      deleteQuietly(dataDir);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(ArtemisBroker::delete);
    } catch (IOException | UncheckedIOException e) {
      ARTEMIS_LOGS.fine("removing " + dir + ": " + e.getMessage());
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
