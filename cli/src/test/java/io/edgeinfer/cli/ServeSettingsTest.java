package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.edgeinfer.profiles.ServeTuning;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * serve's options become one checked settings record: a value out of range or options that do not
 * go together are usage errors (exit 2) naming the option, before any model is read.
 */
class ServeSettingsTest {
  @TempDir Path dir;

  private static String usageError(String... options) {
    String[] args = new String[options.length + 3];
    args[0] = "serve";
    args[1] = "-m";
    args[2] = "never-read.tflite";
    System.arraycopy(options, 0, args, 3, options.length);
    Cli cli = Cli.run(args);
    assertEquals(2, cli.exitCode(), cli.toString());
    assertEquals("", cli.out());
    return cli.err().lines().findFirst().orElseThrow();
  }

  @Test
  void badValuesAreUsageErrorsNamingTheOption() {
    assertEquals(
        "edgeinfer: --qos: expected 0, 1 or 2, found 3",
        usageError("--input-topic", "t", "--qos", "3"));
    assertEquals(
        "edgeinfer: expected one of json, csv, npy, raw, found 'yaml'",
        usageError("--input-topic", "t", "--format", "yaml"));
    assertEquals(
        "edgeinfer: --max-batch: expected a whole number >= 1, found 0",
        usageError("--input-topic", "t", "--max-batch", "0"));
    assertEquals(
        "edgeinfer: --queue-capacity: expected a whole number >= 1, found 0",
        usageError("--input-topic", "t", "--queue-capacity", "0"));
    assertEquals(
        "edgeinfer: --metrics-port: expected 0-65535, found 70000",
        usageError("--input-topic", "t", "--metrics-port", "70000"));
    assertEquals(
        "edgeinfer: --metrics-interval: expected a whole number of seconds >= 0, found -1",
        usageError("--input-topic", "t", "--metrics-interval", "-1"));
    assertEquals(
        "edgeinfer: --broker: expected tcp://HOST:PORT, ssl://HOST:PORT or"
            + " embedded[:[HOST:]PORT], found 'mqtt://h:1883'",
        usageError("--input-topic", "t", "--broker", "mqtt://h:1883"));
    assertEquals(
        "edgeinfer: expected --broker embedded, embedded:PORT or embedded:HOST:PORT (PORT"
            + " 1-65535), found 'embedded:x'",
        usageError("--input-topic", "t", "--broker", "embedded:x"));
    assertEquals(
        "edgeinfer: --tls-*: expected an ssl:// broker URL with them, found tcp://127.0.0.1:1883",
        usageError("--input-topic", "t", "--tls-ca", "ca.pem"));
    assertEquals(
        "edgeinfer: expected --tls-cert and --tls-key together, found only --tls-cert",
        usageError("--input-topic", "t", "--broker", "ssl://h:8883", "--tls-cert", "c.pem"));
    assertEquals(
        "edgeinfer: expected at least one --input-topic or a --watch folder, found neither",
        usageError());
  }

  @Test
  void defaultsAreResolvedOnce() throws Exception {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs("-m", "m.tflite", "--watch", dir.toString());
    ServeSettings settings = serve.settings();
    assertNull(settings.broker(), "only --watch: no broker");
    assertEquals(ServeTuning.BUILT_IN, settings.tuning());

    ServeCommand withBroker = new ServeCommand();
    new CommandLine(withBroker)
        .parseArgs("-m", "m.tflite", "--input-topic", "a/+", "--client-id", "dev1");
    settings = withBroker.settings();
    assertEquals("tcp://127.0.0.1:1883", settings.broker().clientUri());
    assertEquals("edgeinfer/dev1/status", settings.statusTopic());
    assertEquals(
        Path.of(System.getProperty("user.home"), ".edgeinfer", "outbox", "dev1"),
        settings.outbox());
    assertEquals("127.0.0.1", settings.metrics().bind());
  }

  /** A key of --config is set by the operator as much as a flag: it wins over the profile. */
  @Test
  void aConfigFileWinsOverTheProfileAndAFlagOverTheFile() throws Exception {
    Path config = Files.writeString(dir.resolve("serve.yaml"), "max-batch: 4\nthreads: 1\n");
    ServeCommand serve = new ServeCommand();
    CommandLine commandLine = new CommandLine(serve);
    commandLine.setDefaultValueProvider(
        YamlConfigDefaults.read(config, commandLine.getCommandSpec().options()));
    commandLine.parseArgs(
        "-m", "m.tflite", "--input-topic", "t", "--profile", "pi-zero-2w", "--threads", "2");
    // max-batch from the file, threads typed, the rest pi-zero-2w's (max-wait 5, outbox 10000/16).
    assertEquals(new ServeTuning(2, 4, 5, 1, 10_000, 16), serve.settings().tuning());
    // The model's threads too: a key of the file is set, one it leaves out is the profile's.
    Path threads = Files.writeString(dir.resolve("threads.yaml"), "intra-op-threads: 1\n");
    ServeCommand fromFile = new ServeCommand();
    CommandLine withFile = new CommandLine(fromFile);
    withFile.setDefaultValueProvider(
        YamlConfigDefaults.read(threads, withFile.getCommandSpec().options()));
    withFile.parseArgs("-m", "m.tflite", "--input-topic", "t", "--profile", "pi-zero-2w");
    assertEquals(true, fromFile.profileOption.given("--intra-op-threads"));
    assertEquals(false, fromFile.profileOption.given("--max-batch"));
  }
}
