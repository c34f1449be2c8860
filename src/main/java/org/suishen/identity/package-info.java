/**
 * Identity: the authority's population register (who exists), identity documents of every kind and
 * their validation, names. The source of truth that every other context refers to by an opaque
 * person id (MISSION H1, H8).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
@org.jspecify.annotations.NullMarked
package org.suishen.identity;
