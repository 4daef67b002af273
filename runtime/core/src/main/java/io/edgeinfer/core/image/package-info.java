/**
 * PNG and JPEG images to tensors, with the JDK alone ({@code javax.imageio}; works headless): the
 * image is resized to the input's height and width and scaled to what the input declares.
 *
 * <p>A file that is not a readable PNG or JPEG is a {@link
 * io.edgeinfer.core.codec.MalformedInputException}; an input spec that cannot take an image is an
 * {@link IllegalArgumentException} naming the spec.
 */
package io.edgeinfer.core.image;
