/**
 * Staff accounts with roles and device accounts (kiosks, sampling terminals, venue sentinels) with
 * their own credentials; the first administrator.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff and device accounts")
@org.jspecify.annotations.NullMarked
package org.suishen.accounts;
