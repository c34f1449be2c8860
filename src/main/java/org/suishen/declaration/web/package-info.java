/** The citizen's health declaration: API and page. */
@org.jspecify.annotations.NullMarked
package org.suishen.declaration.web;
