package org.suishen.status.internal.policy;

/**
 * The kinds of medical-management order, most severe first. Each ends differently: a confirmed case
 * on discharge, a suspected case when excluded, quarantine and isolation when released.
 */
public enum OrderKind {
  CONFIRMED("medical-management.confirmed"),
  SUSPECTED("medical-management.suspected"),
  ISOLATION("medical-management.isolation"),
  QUARANTINE("medical-management.quarantine");

  private final String reason;

  OrderKind(String reason) {
    this.reason = reason;
  }

  /** The reason code a red status under this kind of order carries. */
  public String reason() {
    return reason;
  }
}
