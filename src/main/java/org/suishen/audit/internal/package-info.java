@org.jspecify.annotations.NullMarked
package org.suishen.audit.internal;
