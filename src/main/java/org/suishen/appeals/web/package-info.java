/** Appeals: the citizen's and the reviewer's JSON API and pages. */
@org.jspecify.annotations.NullMarked
package org.suishen.appeals.web;
