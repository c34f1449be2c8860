/**
 * Checking a paper offline code (O9-O11): venue staff or a community worker scans it with their
 * phone and sees the code's state, the person's colour and latest negative test, masked identity
 * and photo under a watermark naming them; every check is a recorded read of the person's data.
 */
@NullMarked
package org.suishen.offlinecode.internal.check;

import org.jspecify.annotations.NullMarked;
