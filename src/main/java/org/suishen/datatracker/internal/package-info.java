@org.jspecify.annotations.NullMarked
package org.suishen.datatracker.internal;
