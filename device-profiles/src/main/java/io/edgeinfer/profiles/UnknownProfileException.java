package io.edgeinfer.profiles;

import java.util.List;

/** A profile name that is neither built in nor a file; the message lists the known names. */
public final class UnknownProfileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UnknownProfileException(String name, List<String> known) {
    super(
        "unknown profile '"
            + name
            + "': expected one of "
            + String.join(", ", known)
            + ", auto, or the path of a profile file");
  }
}
