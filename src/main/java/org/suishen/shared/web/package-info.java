/** Language switch, page-level error display and the landing page. */
@org.jspecify.annotations.NullMarked
package org.suishen.shared.web;
