package org.suishen.natcode.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suishen.shared.batch.Grouping;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Role;

class RevocationFeedTest {

  final NatCredentialStore store = mock(NatCredentialStore.class);

  RevocationFeed feed(int pageSize) {
    var properties =
        new NatCodeProperties(
            Duration.ofDays(30),
            Set.of(Role.SAMPLER),
            new NatCodeProperties.Feed(16, pageSize, Duration.ofSeconds(30)),
            new Grouping(100, 10, Duration.ofSeconds(5)));
    return new RevocationFeed(store, properties);
  }

  static Revocation at(long version) {
    return new Revocation(UUID.randomUUID(), version, Instant.parse("2030-01-01T00:00:00Z"));
  }

  @Test
  void aPageThatIsNotFullMovesTheCursorUpToTheHorizon() {
    when(store.horizon()).thenReturn(1_000L);
    when(store.revokedSince(eq(10L), eq(1_000L), eq(4096 * 3), eq(4096 * 4 - 1), eq(4)))
        .thenReturn(List.of(at(20), at(30)));

    var page = feed(3).page("10", "3");

    assertThat(page.revoked()).extracting(Revocation::version).containsExactly(20L, 30L);
    assertThat(page.more()).isFalse();
    assertThat(page.next()).isEqualTo(999);
  }

  @Test
  void anEmptyPageKeepsACursorFromTheFutureWhereItIs() {
    when(store.horizon()).thenReturn(1_000L);
    var page = feed(3).page("5000", "0");
    assertThat(page.revoked()).isEmpty();
    assertThat(page.next()).isEqualTo(5_000);
  }

  @Test
  void aFullPageEndsAtItsLastVersionAndNeverSplitsOne() {
    when(store.horizon()).thenReturn(1_000L);
    when(store.revokedSince(anyLong(), anyLong(), anyInt(), anyInt(), eq(4)))
        .thenReturn(List.of(at(20), at(30), at(40), at(40)));

    var page = feed(3).page("0", "0");

    assertThat(page.more()).isTrue();
    assertThat(page.revoked()).extracting(Revocation::version).containsExactly(20L, 30L);
    assertThat(page.next()).isEqualTo(30);
  }

  @Test
  void aVersionLargerThanAPageIsHandedOutWhole() {
    when(store.horizon()).thenReturn(1_000L);
    when(store.revokedSince(anyLong(), anyLong(), anyInt(), anyInt(), eq(3)))
        .thenReturn(List.of(at(50), at(50), at(50)));
    when(store.revokedAt(eq(50L), anyInt(), anyInt()))
        .thenReturn(List.of(at(50), at(50), at(50), at(50)));

    var page = feed(2).page("0", "0");

    assertThat(page.revoked()).hasSize(4);
    assertThat(page.more()).isTrue();
    assertThat(page.next()).isEqualTo(50);
  }

  @Test
  void badInputIsRefusedBeforeTheDatabaseIsAsked() {
    var feed = feed(10);
    for (String partition : new String[] {null, "", "16", "-1", "1.5", "x"}) {
      assertThatThrownBy(() -> feed.page("0", partition))
          .isInstanceOfSatisfying(
              SuishenException.class,
              e -> assertThat(e.code()).isEqualTo("natcode.feed.partition"));
    }
    for (String since : new String[] {"-1", "ten", "99999999999999999999"}) {
      assertThatThrownBy(() -> feed.page(since, "0"))
          .isInstanceOfSatisfying(
              SuishenException.class, e -> assertThat(e.code()).isEqualTo("natcode.feed.since"));
    }
    verifyNoInteractions(store);
  }
}
