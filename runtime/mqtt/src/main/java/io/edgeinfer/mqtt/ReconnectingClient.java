package io.edgeinfer.mqtt;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * A Paho client that reconnects by itself, with a fresh {@link MqttAsyncClient} each time. Paho
 * 1.2.5's own automatic reconnect hung here after a broker restart (its connect thread waited
 * forever for the old sender thread), so edgeinfer drops the old client and builds a new one, on
 * its own thread, with backoff from 1 to 30 s. The broker keeps the session (same client id, clean
 * start off), so nothing queued for it is lost.
 */
final class ReconnectingClient implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ReconnectingClient.class.getName());

  /** What the owner hears from the client; none of it may block. */
  interface Listener {
    void messageArrived(MqttAsyncClient from, String topic, MqttMessage message);

    /** Called on the scheduler thread after each successful connect (not on Paho's threads). */
    void connected(MqttAsyncClient client, boolean reconnect);
  }

  private final String uri;
  private final String clientId;
  private final MqttConnectionOptions options;
  private final boolean manualAcks;
  private final Listener listener;
  private final ScheduledExecutorService scheduler;
  private volatile MqttAsyncClient current;
  private volatile boolean closed;
  private int delaySeconds = 1;

  ReconnectingClient(
      String uri,
      String clientId,
      MqttConnectionOptions options,
      boolean manualAcks,
      Listener listener,
      ScheduledExecutorService scheduler) {
    this.uri = uri;
    this.clientId = clientId;
    this.options = options;
    this.manualAcks = manualAcks;
    this.listener = listener;
    this.scheduler = scheduler;
    options.setAutomaticReconnect(false);
  }

  /** The first connect, on the caller's thread; fails if the broker cannot be reached. */
  void connect() throws MqttException {
    MqttAsyncClient client = newClient();
    // Current before connecting: a resumed session's messages arrive right after CONNACK, and
    // their acknowledgements must go to this client, not be taken for an old connection's.
    current = client;
    client.connect(options).waitForCompletion(options.getConnectionTimeout() * 1000L);
    listener.connected(client, false);
  }

  /** The client of the current connection; after a disconnect, until a reconnect, a dead one. */
  MqttAsyncClient client() {
    return current;
  }

  boolean isConnected() {
    MqttAsyncClient client = current;
    return client != null && client.isConnected();
  }

  /** Runs {@code action} on the current client if it is connected; false otherwise. */
  boolean ifConnected(Consumer<MqttAsyncClient> action) {
    MqttAsyncClient client = current;
    if (client == null || !client.isConnected()) {
      return false;
    }
    action.accept(client);
    return true;
  }

  private MqttAsyncClient newClient() throws MqttException {
    MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
    client.setManualAcks(manualAcks);
    client.setCallback(new Callbacks(client));
    return client;
  }

  private void connectionLost(MqttAsyncClient client, String reason) {
    if (closed || client != current) {
      return;
    }
    LOG.info("edgeinfer: " + clientId + " lost " + uri + " (" + reason + "); reconnecting");
    scheduleReconnect(0);
  }

  private synchronized void scheduleReconnect(int afterSeconds) {
    if (!closed && !scheduler.isShutdown()) {
      scheduler.schedule(this::reconnect, afterSeconds, TimeUnit.SECONDS);
    }
  }

  private void reconnect() {
    if (closed || isConnected()) {
      return;
    }
    MqttAsyncClient old = current;
    if (old != null) {
      try {
        old.close(true);
      } catch (MqttException e) {
        LOG.fine("closing the old client: " + e.getMessage());
      }
    }
    try {
      MqttAsyncClient client = newClient();
      current = client; // before connecting, as in connect()
      client.connect(options).waitForCompletion(options.getConnectionTimeout() * 1000L);
      delaySeconds = 1;
      LOG.info("edgeinfer: " + clientId + " reconnected to " + uri);
      listener.connected(client, true);
    } catch (MqttException e) {
      delaySeconds = Math.min(30, delaySeconds * 2);
      scheduleReconnect(delaySeconds);
    }
  }

  @Override
  public void close() {
    closed = true;
    MqttAsyncClient client = current;
    if (client == null) {
      return;
    }
    try {
      if (client.isConnected()) {
        client.disconnect(2000).waitForCompletion(3000);
      }
    } catch (MqttException e) {
      LOG.fine("disconnect: " + e.getMessage());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.fine("close: " + e.getMessage());
    }
  }

  /** Paho's callbacks for one client instance: they only hand over, never block. */
  private final class Callbacks extends MqttCallbackAdapter {
    private final MqttAsyncClient client;

    Callbacks(MqttAsyncClient client) {
      this.client = client;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      listener.messageArrived(client, topic, message);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      connectionLost(client, String.valueOf(response.getReasonString()));
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      LOG.fine("mqtt error: " + exception.getMessage());
    }
  }
}
