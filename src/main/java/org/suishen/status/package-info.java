/**
 * Health status engine: a person's colour from the health authority's data (medical-management
 * orders, key-region arrivals), as named policy objects with configured figures, and its
 * append-only history (MISSION H2, H7).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Health status")
@org.jspecify.annotations.NullMarked
package org.suishen.status;
