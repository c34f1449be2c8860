/** The NAT code's and the proxy code's pages and JSON API. */
@org.jspecify.annotations.NullMarked
package org.suishen.natcode.web;
