@org.jspecify.annotations.NullMarked
package org.suishen.demo.internal;
