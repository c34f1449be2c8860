@org.jspecify.annotations.NullMarked
package org.suishen.offlinecode.internal;
