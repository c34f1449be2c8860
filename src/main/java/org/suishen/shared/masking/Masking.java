package org.suishen.shared.masking;

/**
 * How a person's identity is shown to anyone but the person: enough for staff to match a face and a
 * document, not enough to copy it (MISSION X1).
 */
public final class Masking {

  private Masking() {}

  /** 王小明 → 王*明, 王明 → 王*, 阿依古丽·买买提 → 阿******提, John Smith → J********h. */
  public static String name(String name) {
    int[] points = name.strip().codePoints().toArray();
    if (points.length == 0) {
      return "";
    }
    if (points.length == 1) {
      return "*";
    }
    var out = new StringBuilder().appendCodePoint(points[0]);
    if (points.length == 2) {
      return out.append('*').toString();
    }
    out.repeat("*", points.length - 2);
    return out.appendCodePoint(points[points.length - 1]).toString();
  }

  /** 310101199001011234 → 3101**********1234; short numbers keep only their last two characters. */
  public static String documentNumber(String number) {
    String n = number.strip();
    if (n.length() <= 8) {
      return "*".repeat(Math.max(0, n.length() - 2)) + n.substring(Math.max(0, n.length() - 2));
    }
    return n.substring(0, 4) + "*".repeat(n.length() - 8) + n.substring(n.length() - 4);
  }

  /** 13812345678 → 138****5678. */
  public static String phone(String phone) {
    String p = phone.strip();
    if (p.length() < 7) {
      return "*".repeat(p.length());
    }
    return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
  }
}
