"""Instruments and monitoring entries (R10). Operations flush and record who did it (entries under their
instrument); the caller commits."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from service.audit.operations import record
from service.audit.rules import Subject, diff, snapshot
from service.auth.principals import Principal
from service.common.i18n import N_
from service.documents.queries import documents_issued_for
from service.errors import Conflict, RuleViolation
from service.extensions import db
from service.monitoring.models import Instrument, MonitoringEntry
from service.monitoring.rules import check_entry_period, parse_period
from service.reference.operations import country, network_codes

_FIELDS = ("title_es", "title_en", "kind", "adopted_on", "adopted_by", "network", "original_language")
_ENTRY = ("period", "country", "status", "indicators", "observations", "original_language")


def _check_network(values: dict) -> None:
    if values.get("network") is not None and values["network"] not in network_codes():
        raise RuleViolation(N_("Unknown network %(code)r; one of: %(choices)s."),
                            params={"code": values["network"], "choices": sorted(network_codes())}, field="network")


def create_instrument(data: dict, *, actor: Principal, now: datetime) -> Instrument:
    _check_network(data)
    instrument = Instrument(created_at=now, updated_at=now, **{name: data.get(name) for name in _FIELDS})
    db.session.add(instrument)
    db.session.flush()
    record(db.session, actor, now, "instrument.create", Subject("instrument", instrument.id),
           diff({}, snapshot(instrument, _FIELDS)))
    return instrument


def update_instrument(instrument: Instrument, changes: dict, *, actor: Principal, now: datetime) -> Instrument:
    _check_network(changes)
    before = snapshot(instrument, _FIELDS)
    for name in _FIELDS:
        if name in changes:
            setattr(instrument, name, changes[name])
    instrument.updated_at = now
    db.session.flush()
    record(db.session, actor, now, "instrument.update", Subject("instrument", instrument.id),
           diff(before, snapshot(instrument, _FIELDS)))
    return instrument


def add_entry(instrument: Instrument, data: dict, *, actor: Principal, now: datetime) -> MonitoringEntry:
    period = parse_period(data["period"])
    check_entry_period(period, now.date())
    if data.get("country"):
        country(data["country"], members_only=True)
    entry = MonitoringEntry(
        instrument=instrument, period=period.label, period_starts_on=period.starts_on,
        period_ends_on=period.ends_on, country=data.get("country"), status=data["status"],
        # Decimal values travel as strings: JSON columns cannot hold Decimal, floats would round.
        indicators=[{"name": i["name"], "value": str(i["value"]), "unit": i.get("unit")}
                    for i in data.get("indicators", [])],
        observations=data["observations"], original_language=data.get("original_language"),
        recorded_by=actor.label, recorded_at=now)
    db.session.add(entry)
    db.session.flush()
    record(db.session, actor, now, "monitoring_entry.create", Subject("instrument", instrument.id),
           diff({}, {"entry_id": entry.id, **snapshot(entry, _ENTRY)}))
    return entry


def delete_instrument(instrument: Instrument, *, actor: Principal, now: datetime) -> None:
    """An instrument entered by mistake goes; one with monitoring entries, or listed in an issued monitoring
    report (every report issued since it was recorded lists it), stays on record (409)."""
    if instrument.entries:
        raise Conflict(N_("The instrument has %(count)s monitoring entries; it stays on record."),
                       params={"count": len(instrument.entries)}, field="id")
    shown = [d for d in documents_issued_for(("monitoring_report", "dossier")) if d.issued_at >= instrument.created_at]
    if shown:
        raise Conflict(N_("The instrument is listed in issued documents (%(documents)s); it stays on record."),
                       params={"documents": ", ".join(f"document:{d.id}" for d in shown)}, field="id")
    last, subject = snapshot(instrument, _FIELDS), Subject("instrument", instrument.id)
    db.session.delete(instrument)
    db.session.flush()
    record(db.session, actor, now, "instrument.delete", subject, diff(last, {}))


def list_instruments(*, network: str | None = None, kind: str | None = None) -> list[Instrument]:
    query = select(Instrument).order_by(Instrument.adopted_on.is_(None), Instrument.adopted_on, Instrument.id)
    if network is not None:
        query = query.where(Instrument.network == network)
    if kind is not None:
        query = query.where(Instrument.kind == kind)
    return list(db.session.scalars(query))


def list_entries(instrument: Instrument, *, country_code: str | None = None) -> list[MonitoringEntry]:
    query = (select(MonitoringEntry).where(MonitoringEntry.instrument_id == instrument.id)
             .order_by(MonitoringEntry.period_ends_on, MonitoringEntry.id))
    if country_code is not None:
        query = query.where(MonitoringEntry.country == country_code)
    return list(db.session.scalars(query))
