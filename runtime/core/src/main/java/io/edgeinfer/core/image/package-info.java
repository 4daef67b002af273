/**
 * Images with the JDK alone ({@code javax.imageio}; works headless).
 *
 * <p>{@link io.edgeinfer.core.image.RgbImage} decodes PNG, JPEG and BMP, told apart by their magic
 * bytes ({@link io.edgeinfer.core.image.ImageFormat#sniff}), and turns a JPEG the way its EXIF
 * orientation says: what the vision pipeline ({@code io.edgeinfer.core.vision}) resizes. CMYK and
 * YCCK JPEGs become RGB as libjpeg-based decoders make it; transparency is composited over black; a
 * photo much larger than needed can be read with source subsampling. {@link
 * io.edgeinfer.core.image.ImageDecoder} is the older direct path from PNG or JPEG to one tensor
 * (resized, scaled to [0, 1] or kept 0..255) that {@code serve --watch} uses.
 *
 * <p>A file that is not a readable image of those formats (truncated, corrupt, 12-bit, another
 * format) is a {@link io.edgeinfer.core.codec.MalformedInputException} of one line saying what was
 * expected and what was found; an input spec that cannot take an image is an {@link
 * IllegalArgumentException} naming the spec.
 */
package io.edgeinfer.core.image;
