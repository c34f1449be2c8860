package org.suishen.status.internal.policy;

/** The names of the rules and the reason codes a status can carry. */
public final class Rules {

  public static final String MEDICAL_MANAGEMENT = "medical-management";
  public static final String KEY_REGION_ARRIVAL = "key-region-arrival";
  public static final String NO_RECENT_TEST = "no-recent-test";
  public static final String NO_ANOMALY = "no-anomaly";
  public static final String MANUAL = "manual";
  public static final String SYMPTOMS = "symptoms";
  public static final String TEST_RESULT = "test-result";

  public static final String REASON_NO_ANOMALY = "no-anomaly";
  public static final String REASON_RELEASED = "medical-management.released";
  public static final String REASON_KEY_REGION = "key-region-arrival.observation";
  public static final String REASON_NO_RECENT_TEST = "no-recent-test.overdue";
  public static final String REASON_SYMPTOMS = "symptoms.reported";
  public static final String REASON_POSITIVE = "test-result.positive";
  public static final String REASON_PENDING_RETEST = "test-result.pending-retest";

  /** The source of a green status that no data produced. */
  public static final String SOURCE_ENGINE = "status-engine";

  public static final String SOURCE_SAMPLING = "sampling";

  public static final String SOURCE_DECLARATION = "declaration";

  public static final String SOURCE_LAB = "lab";

  private Rules() {}
}
