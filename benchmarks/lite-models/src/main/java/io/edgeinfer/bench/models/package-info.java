/**
 * JMH benchmarks of whole models in the lite engine: time per inference and GMAC/s, one thread or
 * the profile's threads, {@code predict} or a bound call. A developer tool, never shipped.
 */
package io.edgeinfer.bench.models;
