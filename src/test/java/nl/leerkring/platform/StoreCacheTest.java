package nl.leerkring.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The embedded store's page cache, by default a quarter of the heap")
class StoreCacheTest {

  private static final long MB = 1024 * 1024;

  @Test
  @DisplayName("The release's 1 GB heap gives 256 MB; a small heap a quarter of it, never less than 16 MB; a large one no more than 256 MB")
  void aQuarterOfTheHeap() {
    assertEquals(256, EmbeddedStore.defaultCacheMb(1024 * MB));
    assertEquals(80, EmbeddedStore.defaultCacheMb(320 * MB));
    assertEquals(64, EmbeddedStore.defaultCacheMb(256 * MB));
    assertEquals(16, EmbeddedStore.defaultCacheMb(32 * MB));
    assertEquals(256, EmbeddedStore.defaultCacheMb(6 * 1024 * MB));
  }
}
