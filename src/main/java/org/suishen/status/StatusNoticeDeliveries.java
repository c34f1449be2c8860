package org.suishen.status;

import java.util.function.Consumer;

/**
 * The notices of the status engine (colour changes, manual changes, appeal corrections) for the
 * channels that carry them to the person beyond the status page: the citizen context texts them. An
 * outbox rather than one event per notice, so that a feed that changes a hundred thousand colours
 * queues a hundred thousand rows that channels drain at their own pace.
 */
public interface StatusNoticeDeliveries {

  /**
   * Hands up to {@code limit} undelivered notices, oldest first, to {@code channel} and marks them
   * delivered, in one transaction (several nodes may deliver at once: rows another holds are
   * skipped). If the channel throws, the batch stays for the next call.
   *
   * @return how many were handed over
   */
  int deliverPending(int limit, Consumer<PersonNotified> channel);
}
