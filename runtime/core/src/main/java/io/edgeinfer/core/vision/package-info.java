/**
 * Images in, answers in the model's terms out, for any engine: the pre- and post-processing that
 * TensorFlow Lite's Task Library does around a vision model, outside the engines (as DJL's {@code
 * Translator} sits outside its engines).
 *
 * <p>{@link io.edgeinfer.core.vision.VisionPipeline} is built once from a model, a predictor and
 * {@link io.edgeinfer.core.vision.VisionOptions}; each call decodes one encoded image ({@link
 * io.edgeinfer.core.image.RgbImage}), prepares the input as {@link
 * io.edgeinfer.core.vision.ImagePreprocessing} states (size, layout, colour, resize, normalization,
 * quantization: from the model's metadata, overridable), runs the model and reads its outputs as
 * the {@link io.edgeinfer.core.vision.VisionTask} says: a {@link
 * io.edgeinfer.core.vision.VisionResult} that writes itself as JSON with jackson-core alone.
 */
package io.edgeinfer.core.vision;
