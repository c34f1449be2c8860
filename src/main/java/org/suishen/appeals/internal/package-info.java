/** Appeals: the state machine, its policies, persistence and the filing and review services. */
@org.jspecify.annotations.NullMarked
package org.suishen.appeals.internal;
