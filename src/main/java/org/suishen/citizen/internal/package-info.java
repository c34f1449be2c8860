/** Citizen accounts, one-time codes, real-name registration and phone rebinding. */
@org.jspecify.annotations.NullMarked
package org.suishen.citizen.internal;
