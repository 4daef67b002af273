package io.edgeinfer.profiles;

import java.util.List;

/**
 * The profile detection chose, fitted to this machine, and why.
 *
 * @param profile the profile to apply: the built-in one, its budget, cores and engine fitted to
 *     what was found; its name is the built-in profile's
 * @param namedBoard whether a board's own profile matched (else a fallback by architecture)
 * @param reasons what was read and how it decided, one sentence each
 */
public record Detection(DeviceProfile profile, boolean namedBoard, List<String> reasons) {
  public Detection {
    reasons = List.copyOf(reasons);
  }
}
