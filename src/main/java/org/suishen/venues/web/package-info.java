/** The venue side's API and pages: sentinels, staff checks, self-scans, venues, traces. */
@org.jspecify.annotations.NullMarked
package org.suishen.venues.web;
