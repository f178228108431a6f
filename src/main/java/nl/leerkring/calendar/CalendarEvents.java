package nl.leerkring.calendar;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import nl.leerkring.session.Session;
import nl.leerkring.session.SessionStatus;
import nl.leerkring.web.I18n;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sessions as iCalendar events (RFC 5545). The UID is the session's id, so it never changes; SEQUENCE is
 * the session's count of changes that matter to a calendar (time, place, cancellation), so a calendar
 * updates its event instead of adding a second one. Times carry their zone with its VTIMEZONE.
 */
public final class CalendarEvents {

  public record Entry(Session session, String communityTitle) {
  }

  private CalendarEvents() {
  }

  public static String uid(String sessionId) {
    return sessionId + "@leerkring";
  }

  /** One session for a mail: REQUEST to add or update it, CANCEL when it was cancelled. */
  public static String invitation(Entry entry, String language, String organizerName, String organizerAddress,
                                  Instant now) {
    boolean cancelled = entry.session().is(SessionStatus.CANCELLED);
    ICalendar ical = calendar(cancelled ? Method.cancel() : Method.request());
    VEvent event = event(ical, new HashMap<>(), entry, language, now);
    event.setOrganizer(new Organizer(organizerName, organizerAddress));
    ical.addEvent(event);
    return Biweekly.write(ical).go();
  }

  /** A person's subscription: every session of their communities, cancelled ones marked so. */
  public static String feed(List<Entry> entries, String language, Instant now) {
    ICalendar ical = calendar(Method.publish());
    Map<ZoneId, TimezoneAssignment> zones = new HashMap<>();
    entries.forEach(entry -> ical.addEvent(event(ical, zones, entry, language, now)));
    return Biweekly.write(ical).go();
  }

  private static ICalendar calendar(Method method) {
    ICalendar ical = new ICalendar();
    ical.setProductId("-//Leerkring//NONSGML Leerkring//NL");
    ical.setMethod(method);
    return ical;
  }

  /** An event whose start and end are written in the session's own zone, one VTIMEZONE per zone. */
  private static VEvent event(ICalendar ical, Map<ZoneId, TimezoneAssignment> zones, Entry entry, String language,
                              Instant now) {
    Session session = entry.session();
    Instant start = session.startsAt();
    VEvent event = new VEvent();
    event.setUid(uid(session.id()));
    event.setSequence(session.sequence());
    event.setDateTimeStamp(Date.from(now));
    TimezoneAssignment zone = zones.computeIfAbsent(session.zone(), ZoneComponent::of);
    ical.getTimezoneInfo().setTimezone(event.setDateStart(Date.from(start), true), zone);
    ical.getTimezoneInfo().setTimezone(
        event.setDateEnd(Date.from(start.plusSeconds(60L * session.durationMinutes())), true), zone);
    event.setSummary(I18n.text(language, "calendar.summary", entry.communityTitle()));
    if (session.place() != null) {
      event.setLocation(session.place());
    }
    if (session.onlineLink() != null) {
      event.setUrl(session.onlineLink());
    }
    event.setStatus(session.is(SessionStatus.CANCELLED) ? Status.cancelled() : Status.confirmed());
    return event;
  }
}
