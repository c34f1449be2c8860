/** Configuration of the health-code module. */
@org.jspecify.annotations.NullMarked
package org.suishen.healthcode.internal;
