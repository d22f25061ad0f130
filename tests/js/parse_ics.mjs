// Independent check of our feed with Thunderbird's parser (ical.js).
// Reads one .ics on stdin, prints JSON: calendar properties, VTIMEZONE ids, and the events.
// Times are resolved only through the VTIMEZONEs inside the file (ical.js has no zone
// database of its own), so a wrong or missing VTIMEZONE shows up as a wrong UTC instant.
import ICAL from "ical.js";

const readStdin = async () => {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
};

const time = (prop) => {
  if (!prop) return null;
  const value = prop.getFirstValue();
  if (value.isDate) {
    return { isDate: true, value: value.toString(), utc: null, tzid: null, zone: null };
  }
  return {
    isDate: false,
    value: value.toString(),
    utc: new Date(value.toUnixTime() * 1000).toISOString(),
    tzid: prop.getParameter("tzid") ?? null,
    // The zone ical.js actually used: "floating" means the TZID was not resolved.
    zone: value.zone ? value.zone.tzid : null,
  };
};

const text = (component, name) => {
  const value = component.getFirstPropertyValue(name);
  return value === null || value === undefined ? null : String(value);
};

const event = (vevent) => ({
  uid: text(vevent, "uid"),
  summary: text(vevent, "summary"),
  sequence: vevent.getFirstPropertyValue("sequence"),
  status: text(vevent, "status"),
  transp: text(vevent, "transp"),
  dtstart: time(vevent.getFirstProperty("dtstart")),
  dtend: time(vevent.getFirstProperty("dtend")),
  location: text(vevent, "location"),
  description: text(vevent, "description"),
  url: text(vevent, "url"),
  categories: vevent.getAllProperties("categories").flatMap((p) => p.getValues().map(String)),
  organizer: text(vevent, "organizer"),
  conferences: vevent.getAllProperties("conference").map((p) => ({
    value: String(p.getFirstValue()),
    feature: p.getParameter("feature") ?? null,
  })),
  alarms: vevent.getAllSubcomponents("valarm").map((a) => ({
    action: text(a, "action"),
    trigger: text(a, "trigger"),
    description: text(a, "description"),
  })),
});

const main = async () => {
  const vcalendar = new ICAL.Component(ICAL.parse(await readStdin()));
  const props = {};
  for (const prop of vcalendar.getAllProperties()) {
    props[prop.name] = String(prop.getFirstValue());
  }
  const result = {
    name: vcalendar.name,
    properties: props,
    timezones: vcalendar.getAllSubcomponents("vtimezone").map((z) => text(z, "tzid")),
    // Count every VEVENT anywhere, to catch events smuggled into other components.
    eventCount: (function count(c) {
      return c.getAllSubcomponents().reduce((n, s) => n + count(s), c.name === "vevent" ? 1 : 0);
    })(vcalendar),
    events: vcalendar.getAllSubcomponents("vevent").map(event),
  };
  process.stdout.write(JSON.stringify(result));
};

main().catch((error) => {
  process.stderr.write(`parse_ics: ${error.stack || error}\n`);
  process.exit(1);
});
