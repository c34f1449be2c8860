/** The NAT code's pages and JSON API, and the revocation feed for terminals. */
@org.jspecify.annotations.NullMarked
package org.suishen.natcode.web;
