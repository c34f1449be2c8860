/** Format rules of every identity document type (check digits, birth dates, region prefixes). */
@org.jspecify.annotations.NullMarked
package org.suishen.identity.document;
