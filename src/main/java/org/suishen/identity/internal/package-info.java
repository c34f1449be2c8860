@org.jspecify.annotations.NullMarked
package org.suishen.identity.internal;
