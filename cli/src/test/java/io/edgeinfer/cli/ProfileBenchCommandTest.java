package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeinfer.profiles.DeviceProfile;
import io.edgeinfer.profiles.Precision;
import io.edgeinfer.profiles.ProfileReader;
import io.edgeinfer.profiles.Profiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * profile bench writes a profile whose threads and precision follow from the figures it reports
 * (the figures themselves are the machine's, never asserted).
 */
class ProfileBenchCommandTest {
  private static List<ProfileBench.Result> results(JsonNode json) {
    List<ProfileBench.Result> results = new ArrayList<>();
    for (JsonNode r : json.get("results")) {
      results.add(
          new ProfileBench.Result(
              Precision.fromLabel(r.get("precision").asText()).orElseThrow(),
              r.get("threads").asInt(),
              r.get("calls_per_second").asDouble(),
              r.get("us_per_call").asDouble()));
    }
    return results;
  }

  @Test
  void writesATunedProfileFromWhatItMeasured(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("conf/profile.yaml");
    Cli cli =
        Cli.run(
            "profile",
            "bench",
            "--profile",
            "pi-4-4gb",
            "--max-threads",
            "2",
            "--iterations",
            "200",
            "--warmup",
            "50",
            "--out",
            out.toString(),
            "--json");
    assertEquals(0, cli.exitCode(), cli.toString());
    JsonNode json = Json.parse(cli.out());
    List<ProfileBench.Result> results = results(json);
    assertEquals(4, results.size());
    for (ProfileBench.Result r : results) {
      assertTrue(r.callsPerSecond() > 0 && r.microsPerCall() > 0, r.toString());
    }
    Precision faster = ProfileBench.faster(results);
    DeviceProfile tuned = ProfileReader.read(out);
    DeviceProfile base = Profiles.builtIn("pi-4-4gb");
    assertEquals("pi-4-4gb-tuned", tuned.name());
    assertEquals(faster, tuned.precision());
    assertEquals(ProfileBench.threadsFor(results, faster), tuned.threads());
    assertEquals(base.jvm(), tuned.jvm());
    assertEquals(base.budgetMb(), tuned.budgetMb());
    assertEquals(out.toString(), json.get("file").asText());

    // The tuned file is a profile the other commands take.
    Cli show = Cli.run("profile", "show", out.toString());
    assertEquals(0, show.exitCode(), show.toString());
    assertTrue(show.out().contains("name: pi-4-4gb-tuned\n"), show.out());
  }

  @Test
  void smallBoardsKeepInt8(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("zero.yaml");
    Cli cli =
        Cli.run(
            "profile",
            "bench",
            "--profile",
            "pi-zero-2w",
            "--max-threads",
            "1",
            "--iterations",
            "50",
            "--warmup",
            "10",
            "--out",
            out.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().contains("chose int8 with 1 threads; wrote " + out), cli.out());
    assertEquals(Precision.INT8, ProfileReader.read(out).precision());
  }

  @Test
  void refusesMoreThreadsThanCores() {
    Cli cli = Cli.run("profile", "bench", "--profile", "pi-zero-2w", "--max-threads", "9");
    assertEquals(2, cli.exitCode(), cli.toString());
    assertEquals(
        "edgeinfer: expected --max-threads from 1 to the profile's cores (4), --iterations >= 1"
            + " and --warmup >= 0, found 9, 2000, 10000\n"
            + "Try 'edgeinfer profile bench --help'.\n",
        cli.err());
  }
}
