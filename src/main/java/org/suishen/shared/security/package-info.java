/** Roles, the acting principal and citizen sign-in, shared by every context. */
@org.jspecify.annotations.NullMarked
package org.suishen.shared.security;
