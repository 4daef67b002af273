package io.edgeinfer.core;

import java.util.List;
import java.util.stream.Collectors;

/** Choosing a signature by name, with an error that lists the choices. */
public final class Signatures {
  private Signatures() {}

  /**
   * The signature called {@code name}; when {@code name} is null, {@code serving_default}, or the
   * only signature there is.
   */
  public static Signature pick(List<Signature> signatures, String name) throws ModelException {
    String wanted = name;
    if (wanted == null) {
      if (signatures.size() == 1) {
        return signatures.get(0);
      }
      wanted = Signature.DEFAULT_NAME;
    }
    for (Signature signature : signatures) {
      if (signature.name().equals(wanted)) {
        return signature;
      }
    }
    throw new ModelException(
        "unknown signature '"
            + wanted
            + "': expected one of "
            + signatures.stream().map(Signature::name).collect(Collectors.joining(", ")));
  }
}
