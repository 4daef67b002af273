/**
 * A SavedModel signature as one flat, frozen TensorFlow graph: function calls inlined, variables
 * replaced by their values, constant subgraphs evaluated, every tensor's shape known.
 */
package io.edgeinfer.quantize.graph;
