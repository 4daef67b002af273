package io.edgeinfer.cli;

import io.edgeinfer.profiles.DeviceProfile;
import io.edgeinfer.profiles.EngineKind;
import io.edgeinfer.profiles.Precision;
import java.util.List;
import java.util.Locale;

/** The precision {@code profile bench} keeps, and why, in one line the report prints. */
record PrecisionChoice(Precision precision, String reason) {
  /** Boards with less budget than this keep int8 for its memory, whatever the timings say. */
  static final long MEMORY_FIRST_BUDGET_MB = 1024;

  /** The faster precision in lite, except int8 on small boards and the TF engine's own choice. */
  static PrecisionChoice of(DeviceProfile base, List<ProfileBench.Result> results) {
    Precision faster = ProfileBench.faster(results);
    String timings =
        String.format(
            Locale.ROOT,
            "one thread: float32 %.0f calls/s, int8 %.0f",
            ProfileBench.oneThread(results, Precision.FLOAT32),
            ProfileBench.oneThread(results, Precision.INT8));
    if (base.engine() != EngineKind.LITE) {
      return new PrecisionChoice(
          base.precision(),
          "kept "
              + base.precision().label()
              + ": the profile's engine is "
              + base.engine().label()
              + ", and these timings are the lite engine's ("
              + timings
              + ")");
    }
    if (base.precision() == Precision.INT8 && base.budgetMb() < MEMORY_FIRST_BUDGET_MB) {
      return new PrecisionChoice(
          Precision.INT8,
          "kept int8: a budget under "
              + MEMORY_FIRST_BUDGET_MB
              + " MB keeps int8 for memory ("
              + timings
              + ")");
    }
    return new PrecisionChoice(
        faster, "chose " + faster.label() + ", the faster (" + timings + ")");
  }
}
