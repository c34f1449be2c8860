/** Issuing codes: opaque person references, the token service, the live code, photos, images. */
@org.jspecify.annotations.NullMarked
package org.suishen.healthcode.internal.code;
