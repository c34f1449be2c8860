/**
 * The data tracker (谁查看了我的数据, MISSION X1): a person sees, newest first, every read of their own and
 * their bound dependants' data by staff, devices and the health authority, as the audit trail and
 * the scan log recorded it; never a staff member's name. Reads the audit, health-code, accounts and
 * dependants contexts; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data tracker")
@org.jspecify.annotations.NullMarked
package org.suishen.datatracker;
