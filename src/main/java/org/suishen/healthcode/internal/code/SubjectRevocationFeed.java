package org.suishen.healthcode.internal.code;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.healthcode.internal.code.JdbcCodeSubjects.Revoked;
import org.suishen.shared.feed.CommitOrderedPages;

/**
 * The feed of withdrawn person references for offline verifiers, by commit-ordered version: two
 * withdrawals of the same instant, or one that commits after a later one, are both delivered.
 */
@Service
public class SubjectRevocationFeed {

  static final int PAGE_SIZE = 1000;

  private final JdbcCodeSubjects subjects;

  SubjectRevocationFeed(JdbcCodeSubjects subjects) {
    this.subjects = subjects;
  }

  @Transactional(readOnly = true)
  public CommitOrderedPages.Page<Revoked> page(@Nullable String sinceText) {
    return page(CommitOrderedPages.since(sinceText, "healthcode.revocations.since"), PAGE_SIZE);
  }

  CommitOrderedPages.Page<Revoked> page(long since, int pageSize) {
    return CommitOrderedPages.page(
        since,
        subjects.horizon(),
        pageSize,
        subjects::revokedSince,
        Revoked::version,
        subjects::revokedAt);
  }
}
