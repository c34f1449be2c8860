/**
 * Person search: reviewers and the health authority find a person by identity document (and the
 * authority also by phone) with a stated, audited reason, to handle appeals, reviews and manual
 * status changes without knowing the internal person id. Sits above identity (the register),
 * citizen (phones) and status (the colour); nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Person search")
@org.jspecify.annotations.NullMarked
package org.suishen.personsearch;
