/** Recognising uploaded files by their content. */
@org.jspecify.annotations.NullMarked
package org.suishen.shared.upload;
