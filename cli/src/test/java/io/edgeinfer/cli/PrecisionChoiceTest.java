package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.profiles.Precision;
import io.edgeinfer.profiles.Profiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** profile bench says why it keeps or changes a precision, with the timings behind it. */
class PrecisionChoiceTest {
  // int8 measured faster than float32 with one thread.
  private static final List<ProfileBench.Result> INT8_FASTER =
      List.of(
          new ProfileBench.Result(Precision.FLOAT32, 1, 1000, 1000),
          new ProfileBench.Result(Precision.INT8, 1, 1500, 666.7));

  @Test
  void theTensorflowEngineKeepsItsPrecisionAndSaysWhy() throws Exception {
    PrecisionChoice choice = PrecisionChoice.of(Profiles.resolve("workstation"), INT8_FASTER);
    assertEquals(Precision.FLOAT32, choice.precision());
    assertEquals(
        "kept float32: the profile's engine is tensorflow, and these timings are the lite"
            + " engine's (one thread: float32 1000 calls/s, int8 1500)",
        choice.reason());
  }

  @Test
  void aSmallBoardKeepsInt8ForMemory() throws Exception {
    List<ProfileBench.Result> floatFaster =
        List.of(
            new ProfileBench.Result(Precision.FLOAT32, 1, 2000, 500),
            new ProfileBench.Result(Precision.INT8, 1, 1500, 666.7));
    PrecisionChoice choice = PrecisionChoice.of(Profiles.resolve("pi-zero-2w"), floatFaster);
    assertEquals(Precision.INT8, choice.precision());
    assertEquals(
        "kept int8: a budget under 1024 MB keeps int8 for memory (one thread: float32 2000"
            + " calls/s, int8 1500)",
        choice.reason());
  }

  @Test
  void otherwiseTheFasterWins() throws Exception {
    PrecisionChoice choice = PrecisionChoice.of(Profiles.resolve("pi-4-4gb"), INT8_FASTER);
    assertEquals(Precision.INT8, choice.precision());
    assertEquals(
        "chose int8, the faster (one thread: float32 1000 calls/s, int8 1500)", choice.reason());
  }
}
