/**
 * The demo city: synthetic population, households, staff and devices for the default run, and a
 * generator of population-register files of any size for benchmarks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo city")
@org.jspecify.annotations.NullMarked
package org.suishen.demo;
