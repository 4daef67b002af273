package io.edgeinfer.profiles;

import io.edgeinfer.core.MemoryNeed;

/** A model whose memory need is larger than the profile's budget; nothing of it was loaded. */
public final class ModelTooLargeException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient MemoryNeed need;

  public ModelTooLargeException(String message, MemoryNeed need) {
    super(message);
    this.need = need;
  }

  public MemoryNeed need() {
    return need;
  }
}
