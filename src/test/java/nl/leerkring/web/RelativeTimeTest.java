package nl.leerkring.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("When something happened, as a feed says it")
class RelativeTimeTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  private static String words(Duration ago, String language) {
    return RelativeTime.of(NOW.minus(ago), NOW, AMSTERDAM, AMSTERDAM, language).words();
  }

  @Test
  @DisplayName("Two hours ago is '2 uur geleden' in Dutch and '2 hours ago' in English")
  void hoursAgo() {
    assertEquals("2 uur geleden", words(Duration.ofHours(2), "nl"));
    assertEquals("2 hours ago", words(Duration.ofHours(2), "en"));
  }

  @Test
  @DisplayName("Days ago, and a session still to come, in words")
  void daysEitherWay() {
    assertEquals("3 dagen geleden", words(Duration.ofDays(3), "nl"));
    assertEquals("3 days ago", words(Duration.ofDays(3), "en"));
    assertEquals("3 days from now", words(Duration.ofDays(-3), "en"));
  }

  @Test
  @DisplayName("Within the minute it is 'just now'; beyond a week the day itself, in the reader's language")
  void nowAndLongAgo() {
    assertEquals("moments ago", words(Duration.ofSeconds(20), "en"));
    assertEquals("6 days ago", words(Duration.ofDays(6), "en"));
    assertEquals("24 nov. 2026", words(Duration.ofDays(8), "nl"));
    assertEquals("Nov 24, 2026", words(Duration.ofDays(8), "en"));
  }

  @Test
  @DisplayName("The exact time is the local time of the zone it is read in, named when it is not the installation's")
  void exactTime() {
    RelativeTime.Shown shown = RelativeTime.of(Instant.parse("2026-12-02T08:00:00Z"), NOW, AMSTERDAM, AMSTERDAM, "nl");
    assertEquals("2026-12-02T08:00:00Z", shown.datetime());
    assertEquals("2 dec. 2026 09:00", shown.exact());
    RelativeTime.Shown london = RelativeTime.of(Instant.parse("2026-12-02T08:00:00Z"), NOW, ZoneId.of("Europe/London"),
        AMSTERDAM, "en");
    assertEquals("Dec 2, 2026, 8:00 AM (London)", london.exact());
  }
}
