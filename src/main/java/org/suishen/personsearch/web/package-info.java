/** {@code POST /api/staff/persons/search}. */
@org.jspecify.annotations.NullMarked
package org.suishen.personsearch.web;
