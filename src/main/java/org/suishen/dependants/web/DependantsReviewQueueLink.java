package org.suishen.dependants.web;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.suishen.dependants.internal.BindingReview;
import org.suishen.shared.web.ReviewQueueLink;

/** The dependant-binding applications on the reviewers' home, after the appeals. */
@Component
@Order(20)
class DependantsReviewQueueLink implements ReviewQueueLink {

  private final BindingReview review;

  DependantsReviewQueueLink(BindingReview review) {
    this.review = review;
  }

  @Override
  public String id() {
    return "queue-dependants";
  }

  @Override
  public String path() {
    return "/review/dependants";
  }

  @Override
  public String titleKey() {
    return "dependants.review.title";
  }

  @Override
  public long waiting() {
    return review.pendingCount();
  }
}
