/**
 * Printed sheets: the CJK font every PDF with Chinese text embeds (subset), so that a printed code
 * reads the same on every printer and reader, with or without fonts installed.
 */
@org.jspecify.annotations.NullMarked
package org.suishen.shared.print;
