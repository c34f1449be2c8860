/**
 * Synthetic population-register files of any size, deterministic by seed, for demos and benchmarks.
 */
@org.jspecify.annotations.NullMarked
package org.suishen.demo.generator;
