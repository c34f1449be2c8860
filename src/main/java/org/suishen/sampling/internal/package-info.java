/**
 * Sampling's inside: sites and assignments, tube barcodes, tubes, the credential seam and the
 * registrations with their day partitions.
 */
@org.jspecify.annotations.NullMarked
package org.suishen.sampling.internal;
