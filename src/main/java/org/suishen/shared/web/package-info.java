/**
 * Language switch, page-level error display, the landing page, and the reviewers' home that lists
 * the contexts' {@link org.suishen.shared.web.ReviewQueueLink}s.
 */
@org.jspecify.annotations.NullMarked
package org.suishen.shared.web;
