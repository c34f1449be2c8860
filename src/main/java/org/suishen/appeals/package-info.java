/**
 * Appeals (我要申诉): a person contests a wrong colour or a wrong name; reviewers consult the
 * departments concerned and decide (MISSION H7).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Appeals")
@org.jspecify.annotations.NullMarked
package org.suishen.appeals;
