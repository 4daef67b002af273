package io.edgeinfer.cli;

import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Signature;
import io.edgeinfer.mqtt.EmbeddedBroker;
import io.edgeinfer.mqtt.Metrics;
import io.edgeinfer.mqtt.ModelInfo;
import io.edgeinfer.mqtt.ServiceRunner;
import io.edgeinfer.mqtt.outbox.Outbox;
import io.edgeinfer.profiles.ModelTooLargeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs {@code serve} from its settings, in the order that fails soonest and cheapest: the embedded
 * broker's presence and port, the outbox's lock (a second serve with the same client id fails at
 * once), the credentials, then the model, then the service until it is stopped.
 */
final class ServeRun {
  /** Loads the model for batches of up to {@code maxBatch} rows, within the profile's budget. */
  interface ModelLoader {
    Model load(Path model, int maxBatch) throws ModelException, IOException, ModelTooLargeException;
  }

  private final ServeSettings settings;
  private final PrintWriter out;
  private final Function<String, String> environment;

  ServeRun(ServeSettings settings, PrintWriter out, Function<String, String> environment) {
    this.settings = settings;
    this.out = out;
    this.environment = environment;
  }

  /**
   * Serves until stopped (a signal, or the service's own stop).
   *
   * @param extras adds to what runs (e.g. other payload handling); called before it starts
   */
  void serve(ModelLoader loader, Consumer<ServiceRunner.Builder> extras) throws Exception {
    BrokerTarget target = settings.broker();
    EmbeddedBroker embedded = null;
    if (target != null && target.embedded() != null) {
      embedded = EmbeddedBroker.installed(); // first: a distribution without one says so
      target.embedded().requireFree();
    }
    Outbox outbox =
        target == null
            ? null
            : Outbox.open(
                settings.outbox(),
                settings.tuning().outboxMaxMessages(),
                (long) settings.tuning().outboxMaxMb() << 20);
    try (outbox;
        Model model = loader.load(settings.model(), settings.tuning().maxBatch())) {
      Signature signature =
          settings.signature() == null
              ? model.defaultSignature()
              : model.predictor(settings.signature()).signature();
      ServiceRunner.Builder runner =
          ServiceRunner.builder(
                  model, signature, ModelInfo.of(model), settings.pipeline(), new Metrics())
              .watch(settings.watchDir())
              .metricsPort(settings.metrics().port())
              .metricsHost(settings.metrics().bind());
      if (target != null) {
        BrokerCredentials credentials = settings.credentials();
        runner.broker(
            settings.brokerSettings(
                credentials.password(environment), credentials.socketFactory(target)),
            outbox);
      }
      extras.accept(runner);
      try {
        if (embedded != null) {
          startEmbedded(embedded, target.embedded());
        }
        run(runner, model, signature);
      } finally {
        if (embedded != null) {
          embedded.close();
        }
      }
    }
  }

  private void startEmbedded(EmbeddedBroker embedded, EmbeddedAddress address) throws Exception {
    embedded.start(address.host(), address.port());
    out.println(
        "embedded broker ("
            + embedded.description()
            + ") on "
            + address.host()
            + ":"
            + address.port());
  }

  private void run(ServiceRunner.Builder runner, Model model, Signature signature)
      throws Exception {
    try (ServiceRunner service = runner.start()) {
      if (settings.profile() != null) {
        out.printf(
            Locale.ROOT,
            "profile %s: budget %d MB, %d threads, batches of up to %d within %d ms, QoS %d%n",
            settings.profile().name(),
            settings.profile().budgetMb(),
            settings.tuning().threads(),
            settings.tuning().maxBatch(),
            settings.tuning().maxWaitMs(),
            settings.tuning().qos());
      }
      out.printf(
          Locale.ROOT,
          "serving %s (%s, signature %s) %s%n",
          settings.model(),
          model.engine(),
          signature.name(),
          service.describe());
      out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(service::stop, "edgeinfer-shutdown"));
      service.awaitStop();
    }
  }
}
