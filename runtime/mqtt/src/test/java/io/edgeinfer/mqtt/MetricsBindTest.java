package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** F11: the Prometheus endpoint listens on loopback unless an address is given. */
class MetricsBindTest {
  @TempDir Path dir;

  @Test
  void metricsListenOnLoopbackByDefaultAndCountRefusals() throws Exception {
    Path watched = Files.createDirectories(dir.resolve("in"));
    try (ServiceRunner runner =
        ServiceRunner.builder(
                new SumModel(),
                SumModel.SIGNATURE,
                new ModelInfo("sum", "1", "java", List.of()),
                SumServices.settings(8, 0),
                new Metrics())
            .watch(watched)
            .metricsPort(0)
            .start()) {
      Matcher url =
          Pattern.compile("metrics on (http://127\\.0\\.0\\.1:\\d+/metrics)")
              .matcher(runner.describe());
      assertTrue(url.find(), runner.describe());
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url.group(1))).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      for (String counter :
          List.of(
              "edgeinfer_refused_total 0",
              "edgeinfer_dead_lettered_total 0",
              "edgeinfer_failures_total 0",
              "edgeinfer_outbox_full_waits_total 0",
              "edgeinfer_dropped_total 0")) {
        assertTrue(response.body().contains("\n" + counter + "\n"), response.body());
      }
    }
  }
}
