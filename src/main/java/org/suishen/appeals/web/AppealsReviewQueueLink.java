package org.suishen.appeals.web;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.suishen.appeals.internal.AppealReview;
import org.suishen.shared.web.ReviewQueueLink;

/** The appeals queue on the reviewers' home: first, with the open appeals. */
@Component
@Order(10)
class AppealsReviewQueueLink implements ReviewQueueLink {

  private final AppealReview review;

  AppealsReviewQueueLink(AppealReview review) {
    this.review = review;
  }

  @Override
  public String id() {
    return "queue-appeals";
  }

  @Override
  public String path() {
    return "/review/appeals";
  }

  @Override
  public String titleKey() {
    return "appeals.queue.title";
  }

  @Override
  public long waiting() {
    return review.openCount();
  }
}
