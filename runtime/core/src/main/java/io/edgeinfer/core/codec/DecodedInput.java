package io.edgeinfer.core.codec;

import io.edgeinfer.core.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors decoded from one payload, by input name in the signature's order.
 *
 * @param signatureName the optional {@code "signature_name"} of a JSON payload, else null
 * @param columnar true when the JSON used {@code {"inputs": ...}}, so that the reply can use the
 *     same form
 * @param id the optional {@code "id"} of a JSON payload (a string, or a number as written), echoed
 *     in replies with its JSON type so that a sender can match them; else null
 */
public record DecodedInput(
    Map<String, Tensor> inputs, String signatureName, boolean columnar, RequestId id) {
  public DecodedInput {
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
  }

  public DecodedInput(Map<String, Tensor> inputs, String signatureName, boolean columnar) {
    this(inputs, signatureName, columnar, null);
  }
}
