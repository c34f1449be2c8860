package org.suishen.support;

/** Names of the test reviewer and auditor accounts; see {@link TestStaffAccounts}. */
public final class ReviewerAccounts {

  public static final String REVIEWER = TestStaffAccounts.REVIEWER;
  public static final String AUDITOR = TestStaffAccounts.AUDITOR;
  public static final String PASSWORD = TestStaffAccounts.PASSWORD;

  private ReviewerAccounts() {}
}
