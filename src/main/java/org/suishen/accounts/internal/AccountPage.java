package org.suishen.accounts.internal;

import java.util.List;

/**
 * One page of the administrators' list.
 *
 * @param total accounts matching the search on all pages
 * @param page this page's number, from 1
 * @param size accounts per page
 */
public record AccountPage(List<ListedAccount> accounts, long total, int page, int size) {

  public AccountPage {
    accounts = List.copyOf(accounts);
  }

  /** The position of the first account on this page (from 1; 0 when nothing matched). */
  public long first() {
    return accounts.isEmpty() ? 0 : (long) (page - 1) * size + 1;
  }

  /** The position of the last account on this page. */
  public long last() {
    return accounts.isEmpty() ? 0 : first() + accounts.size() - 1;
  }

  /** Number of pages (at least 1, the empty one). */
  public int pages() {
    return pages(total, size);
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < pages();
  }

  static int pages(long total, int size) {
    return (int) Math.max(1, (total + size - 1) / size);
  }
}
