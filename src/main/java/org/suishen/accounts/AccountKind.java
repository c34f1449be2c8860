package org.suishen.accounts;

/** A staff account belongs to a person, a device account to a terminal. */
public enum AccountKind {
  STAFF,
  DEVICE
}
