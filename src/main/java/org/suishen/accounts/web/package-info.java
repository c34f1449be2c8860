/** Staff login and landing pages, the administrators' account page and API. */
@org.jspecify.annotations.NullMarked
package org.suishen.accounts.web;
