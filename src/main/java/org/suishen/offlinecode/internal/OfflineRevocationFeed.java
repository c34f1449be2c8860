package org.suishen.offlinecode.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.shared.feed.CommitOrderedPages;

/**
 * The revocation feed of printed offline codes for terminals that check them offline (O8): voided
 * credentials (lost, reissued, re-applied) above {@code since}, oldest first, handed out only once
 * final. One feed, not partitioned: codes are voided rarely (a lost sheet, a reissue).
 */
@Service
public class OfflineRevocationFeed {

  static final int PAGE_SIZE = 1000;

  private final OfflineCredentialStore store;

  OfflineRevocationFeed(OfflineCredentialStore store) {
    this.store = store;
  }

  @Transactional(readOnly = true)
  public CommitOrderedPages.Page<OfflineRevocation> page(@Nullable String since) {
    long from = CommitOrderedPages.since(since, "offlinecode.feed.since");
    return CommitOrderedPages.page(
        from,
        store.horizon(),
        PAGE_SIZE,
        store::revokedSince,
        OfflineRevocation::version,
        store::revokedAt);
  }
}
