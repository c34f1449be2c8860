package org.suishen.shared.web;

/**
 * A reviewers' work queue (appeals, dependant bindings, ...), listed on the reviewers' home {@code
 * /review} with how many cases wait in it. Each context with a queue provides one bean; the home
 * lists them in their {@code @Order}.
 */
public interface ReviewQueueLink {

  /** The element id of its entry on the home, e.g. {@code queue-appeals}. */
  String id();

  /** The queue's page, under {@code /review}. */
  String path();

  /** The message key of its title. */
  String titleKey();

  /** How many cases wait for a reviewer now. */
  long waiting();
}
