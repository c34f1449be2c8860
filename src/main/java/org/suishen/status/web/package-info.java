/**
 * The status API and pages: a person's own status, history and notices ({@code /api/me/status});
 * the health authority's feeds, manual changes and person look-up ({@code /api/authority/**},
 * {@code /authority}).
 */
@org.jspecify.annotations.NullMarked
package org.suishen.status.web;
