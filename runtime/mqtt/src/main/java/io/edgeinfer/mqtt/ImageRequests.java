package io.edgeinfer.mqtt;

import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.image.RgbImage;
import io.edgeinfer.core.vision.Segmentation;
import io.edgeinfer.core.vision.VisionPipeline;
import io.edgeinfer.core.vision.VisionResult;
import io.edgeinfer.mqtt.watch.FolderInputs;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One worker's answers to image payloads: each image is decoded, prepared and predicted alone by
 * the model's {@link VisionPipeline} (with the worker's own predictor), and answered with the same
 * result JSON as {@code predict} gives. The vision pipeline is made at the first image, so that a
 * model without an image input serves everything else as before and answers an image with why not.
 */
final class ImageRequests {
  private final Model model;
  private final Predictor predictor;
  private final VisionSetup setup;
  private final VisionReplyEncoder encoder;
  private VisionPipeline vision;
  private String unusable;

  ImageRequests(Model model, Predictor predictor, VisionSetup setup, VisionReplyEncoder encoder) {
    this.model = model;
    this.predictor = predictor;
    this.setup = setup;
    this.encoder = encoder;
  }

  /**
   * The reply JSON for one image message.
   *
   * @throws IllegalArgumentException when the bytes are no readable image, or the model takes no
   *     image (the message says which)
   * @throws ModelException when the model fails to run
   */
  byte[] answer(InboundMessage message, long started) throws ModelException {
    VisionPipeline pipeline = pipeline();
    long decodeStart = System.nanoTime();
    RgbImage image = pipeline.decode(message.payload());
    long inferenceStart = System.nanoTime();
    VisionResult result = pipeline.run(image);
    long end = System.nanoTime();
    String name = FolderInputs.fileName(message);
    String maskNote = null;
    byte[] inlineMask = null;
    if (result instanceof Segmentation segmentation) {
      byte[] png = segmentation.maskPng();
      if (name != null && setup.watchDir() != null) {
        result = segmentation.withMaskFile(writeMask(name, png));
      } else if (png.length <= VisionReplyEncoder.MAX_INLINE_MASK_BYTES) {
        inlineMask = png;
      } else {
        maskNote =
            "not sent: the mask PNG is "
                + png.length
                + " bytes, over the "
                + VisionReplyEncoder.MAX_INLINE_MASK_BYTES
                + " sent inline";
      }
    }
    return encoder.prediction(
        message.topic(),
        ImageRequestIds.of(message),
        result,
        inlineMask,
        maskNote,
        new VisionReplyEncoder.Timings(
            (started - message.receivedNanos()) / 1e6,
            (inferenceStart - decodeStart) / 1e6,
            (end - inferenceStart) / 1e6,
            (end - message.receivedNanos()) / 1e6));
  }

  private VisionPipeline pipeline() throws ModelException {
    if (unusable != null) {
      throw new IllegalArgumentException(unusable);
    }
    if (vision == null) {
      try {
        vision = VisionPipeline.of(model, predictor, setup.options());
      } catch (IllegalArgumentException e) {
        unusable = "cannot answer images with this model: " + e.getMessage();
        throw new IllegalArgumentException(unusable, e);
      }
    }
    return vision;
  }

  /** {@code <image>.mask.png} beside the watched image; its file name. */
  private String writeMask(String imageName, byte[] png) throws ModelException {
    Path mask = FolderInputs.maskFile(setup.watchDir(), imageName);
    try {
      FolderInputs.writeAtomically(mask, png);
    } catch (IOException e) {
      throw new ModelException("cannot write the mask " + mask + ": " + e.getMessage(), e);
    }
    return mask.getFileName().toString();
  }
}
