/**
 * Web security: which role may reach which path, how staff (form login), devices and API clients
 * (HTTP Basic) and citizens (phone + one-time code, see the citizen context) authenticate, CSRF for
 * pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web security")
@org.jspecify.annotations.NullMarked
package org.suishen.security;
