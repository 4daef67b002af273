/**
 * Models the project builds itself, shaped like real networks (the seed MLP, a float MobileNet v2),
 * for tests of speed-related behaviour (threads, bound calls) and for the model benchmarks, without
 * anything from {@code ../shared}. Their weights are random: their outputs mean nothing.
 */
package io.edgeinfer.lite.models;
