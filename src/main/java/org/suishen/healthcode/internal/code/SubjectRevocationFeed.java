package org.suishen.healthcode.internal.code;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.healthcode.internal.code.JdbcCodeSubjects.Revoked;
import org.suishen.shared.feed.CommitOrderedPages;
import org.suishen.shared.problem.SuishenException;

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
    return page(since(sinceText), PAGE_SIZE);
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

  private static long since(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      long value = Long.parseLong(text.strip());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw SuishenException.badInput("healthcode.revocations.since");
  }
}
