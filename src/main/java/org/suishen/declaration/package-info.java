/**
 * Health declarations (健康信息登记): symptoms, temperature, regions visited, contact with cases;
 * append-only, the latest one decides whether a health code may be issued (MISSION H1, H2).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Health declaration")
@org.jspecify.annotations.NullMarked
package org.suishen.declaration;
