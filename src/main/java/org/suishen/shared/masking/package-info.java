/** Masking of names, document numbers and phone numbers wherever someone else sees them. */
@org.jspecify.annotations.NullMarked
package org.suishen.shared.masking;
