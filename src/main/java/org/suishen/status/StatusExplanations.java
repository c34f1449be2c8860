package org.suishen.status;

import java.util.Locale;

/**
 * Explains a status to the person it belongs to: for the code page, the status page and notices.
 * The texts come from the status bundle ({@code status.reason.*}, {@code status.next.*}).
 */
public interface StatusExplanations {

  StatusExplanation explain(HealthStatus status, Locale locale);
}
