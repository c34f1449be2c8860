@org.jspecify.annotations.NullMarked
package org.suishen.status.web;
