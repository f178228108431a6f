package nl.leerkring.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

@DisplayName("Every other page of a participant, on a 360 px phone at 200 % text and on a laptop, in Dutch and English")
class EveryParticipantSettingsPageTest extends PageSweep {

  @Test
  @DisplayName("Sanne's other pages: prompts, sessions, cycles, scans, her settings, and what she may not open")
  void participantSettings() {
    sweep("sanne", List.of(
        go("prompt", "/prompts/demo-p-1"),
        go("prompts", C + "/prompts"),
        go("sessions", C + "/sessions"),
        go("session", "/sessions/demo-s-2"),
        go("session-past", "/sessions/demo-s-1"),
        go("cycles", C + "/cycles"),
        go("report", C + "/cycles/1/report"),
        go("scans", C + "/scans"),
        go("scan", "/scans/demo-scan-voor"),
        go("scan-results", "/scans/demo-scan-voor/results"),
        go("mail-settings", "/settings/mail"),
        go("mail-settings-saved", "/settings/mail?saved=mail"),
        go("snack-new", "/questions/demo-q-meten/snacks/new"),
        sendEmpty("snack-new-errors", "/questions/demo-q-meten/snacks/new", "/questions/demo-q-meten/snacks"),
        sendEmpty("api-tokens-errors", "/settings/tokens", "/settings/tokens"),
        go("privacy", "/settings/privacy"),
        go("password", "/settings/password"),
        sendEmpty("password-errors", "/settings/password", "/settings/password"),
        go("api-tokens", "/settings/tokens"),
        go("forbidden", "/admin"),
        go("community-not-found", "/c/no-such-community")));
  }
}
