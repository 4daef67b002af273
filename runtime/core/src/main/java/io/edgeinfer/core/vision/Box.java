package io.edgeinfer.core.vision;

/** A rectangle in an image's pixels: its top-left corner and size. */
public record Box(int x, int y, int width, int height) {}
