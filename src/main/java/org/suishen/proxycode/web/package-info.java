/** The proxy code's page and JSON API. */
@org.jspecify.annotations.NullMarked
package org.suishen.proxycode.web;
