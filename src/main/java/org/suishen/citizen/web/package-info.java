/** Citizen log-in, "me" API and pages, and the developer SMS outbox page. */
@org.jspecify.annotations.NullMarked
package org.suishen.citizen.web;
