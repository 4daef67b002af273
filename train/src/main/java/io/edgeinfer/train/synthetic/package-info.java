/** Data sets made from a seed, for examples and tests that must not depend on files. */
package io.edgeinfer.train.synthetic;
