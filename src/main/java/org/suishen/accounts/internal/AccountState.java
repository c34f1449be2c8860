package org.suishen.accounts.internal;

/**
 * What the administrators' list filters by besides kind and role: enabled or disabled accounts, or
 * accounts whose login name is locked after too many failed logins (enabled or not).
 */
public enum AccountState {
  ENABLED,
  DISABLED,
  LOCKED
}
