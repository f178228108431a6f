package nl.leerkring.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The address that confirms a save keeps the page's own query and place")
class SavedTest {

  @Test
  @DisplayName("?saved= goes before the #fragment, after a query the address already has")
  void addedWhereItBelongs() {
    assertEquals("/notes/n-1?saved=note", Saved.after("/notes/n-1", "note"));
    assertEquals("/c/x/cycles?saved=cycle#cycle-3", Saved.after("/c/x/cycles#cycle-3", "cycle"));
    assertEquals("/admin/sso?organisation=o-1&saved=sso", Saved.after("/admin/sso?organisation=o-1", "sso"));
  }
}
