/**
 * The camera example's material, made by the build so that it runs from a fresh clone: a tiny
 * colour classifier and synthetic snapshots for it (see {@code examples/camera/README.md}).
 */
package io.edgeinfer.examples.camera;
