/**
 * Payload codecs: JSON (TF Serving REST conventions), CSV, NumPy {@code .npy} and raw float32 bytes
 * in; JSON and CSV predictions out.
 *
 * <p>Decoders report a bad payload as a {@link io.edgeinfer.core.codec.MalformedInputException}
 * whose one-line message says what was expected, what was found and where. They conform decoded
 * tensors to the signature's types but leave shape checks to {@link
 * io.edgeinfer.core.InputValidator}.
 */
package io.edgeinfer.core.codec;
