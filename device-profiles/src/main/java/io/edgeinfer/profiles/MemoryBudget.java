package io.edgeinfer.profiles;

import io.edgeinfer.core.MemoryNeed;

/** Whether a model fits a profile's memory budget, decided before the model is loaded. */
public final class MemoryBudget {
  private MemoryBudget() {}

  /**
   * @param model how the message names the model (its path)
   * @throws ModelTooLargeException when the need is larger than the budget
   */
  public static void check(String model, MemoryNeed need, DeviceProfile profile)
      throws ModelTooLargeException {
    if (need.totalBytes() > profile.budgetBytes()) {
      throw new ModelTooLargeException(
          model
              + " needs "
              + need.totalMb()
              + " MB, the profile "
              + profile.name()
              + " allows "
              + profile.budgetMb()
              + " MB; try `edgeinfer quantize --mode int8`",
          need);
    }
  }
}
