@org.jspecify.annotations.NullMarked
package org.suishen.offlinecode.web;
