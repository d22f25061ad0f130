"""`tripartito issue`, `tripartito render` and `tripartito templates …`: staff and debugging commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from service.adapters import services
from service.auth.principals import Principal
from service.common.i18n import LANGUAGES
from service.errors import DomainError
from service.extensions import db


@click.command("render")
@click.argument("kind")
@click.argument("subject_id", type=int)
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default="es", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@with_appcontext
def render_command(kind: str, subject_id: int, language: str, output: Path) -> None:
    """Render a document's Word file from the database, without issuing it (reference shown as DRAFT)."""
    from service.content_translations.rules import without_hints
    from service.documents.contexts import build_context
    from service.templating.render import render_docx

    try:
        context = without_hints(build_context(kind, subject_id, language, services().clock.today()))
        header = {**context.get("header", {}), "reference": "BORRADOR" if language == "es" else "DRAFT",
                  "issued_on": services().clock.today(), "language": language}
        output.write_bytes(render_docx(kind, language, {**context, "header": header}))
    except DomainError as error:
        raise click.ClickException(error.message) from None
    click.echo(f"Wrote {output}")


@click.command("issue")
@click.argument("kind")
@click.argument("subject_ids", type=int, nargs=-1, required=True)
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default="es", show_default=True)
@click.option("--all-languages", is_flag=True, help="Issue in Spanish and English.")
@click.option("--party", type=click.Choice(["st_crm", "st_rrocm", "ppt"]), default="st_crm", show_default=True,
              help="The party issuing (recorded with the document).")
@with_appcontext
def issue_command(kind: str, subject_ids: tuple[int, ...], language: str, all_languages: bool, party: str) -> None:
    """Issue official documents (render, convert to PDF/A, record), with a progress bar for batches."""
    from service.conversion.local import LocalConverterPool
    from service.documents.issuing import issue_and_distribute

    wired = services()
    converter = wired.converter
    started_here = converter is None
    if started_here:
        from service.installation_cli import locate_for_command

        converter = LocalConverterPool(size=1 if len(subject_ids) == 1 and not all_languages else None,
                                       workdir=Path(current_app.config["DATA_DIR"]) / "converters-cli",
                                       uno_python=str(locate_for_command(current_app)))
        converter.start()
    portal = current_app.config["PUBLIC_URL"].rstrip("/") + "/portal"
    jobs = [(s, lang) for s in subject_ids for lang in (LANGUAGES if all_languages else (language,))]
    results, failures = [], []
    try:
        with click.progressbar(jobs, label=f"Issuing {kind}", file=click.get_text_stream("stderr")) as bar:
            for subject_id, lang in bar:
                try:
                    issued = issue_and_distribute(kind, subject_id, lang, actor=Principal(party=party),
                                                  now=wired.clock.now(), converter=converter, store=wired.store,
                                                  mailer=wired.mailer, portal_url=portal, sealer=wired.sealer,
                                                  public_url=current_app.config["PUBLIC_URL"])
                    results.append((issued, subject_id, lang))
                except DomainError as error:
                    db.session.rollback()
                    failures.append(f"{kind} {subject_id} [{lang}]: {error.message}")
    finally:
        if started_here:
            converter.stop()
    for issued, _, _ in results:
        doc = issued.document
        state = "issued" if issued.created else "unchanged"
        click.echo(f"{doc.reference} v{doc.version} [{doc.language}] {state}: document {doc.id}, {doc.pages} pages, "
                   f"sha256 {doc.pdf_sha256[:16]}…")
    for failure in failures:
        click.echo(f"not issued: {failure}", err=True)
    if failures:
        raise SystemExit(1)


@click.command("distribute")
@with_appcontext
def distribute_command() -> None:
    """Deliver issued documents still pending or failed to the member countries (R8), the current documents to
    countries that had nobody to receive them before, and pending withdrawal notices."""
    from service.documents.distribution import deliver_pending, deliver_withdrawal_notices, plan_catch_up

    wired = services()
    portal = current_app.config["PUBLIC_URL"].rstrip("/") + "/portal"
    planned = plan_catch_up()
    attempted = deliver_pending(mailer=wired.mailer, store=wired.store, now=wired.clock.now(), portal_url=portal)
    notices = deliver_withdrawal_notices(mailer=wired.mailer, now=wired.clock.now(), portal_url=portal)
    db.session.commit()
    click.echo(f"{attempted} deliveries attempted ({planned} caught up for countries added later); "
               f"{notices} withdrawal notices attempted.")


@click.group("templates")
def templates_group() -> None:
    """The Word templates: check them, or replace one (only if the doctor accepts it)."""


@templates_group.command("check")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext  # the app's TEMPLATES_DIR: the templates documents are issued with
def templates_check(files: tuple[Path, ...]) -> None:
    """Check every template in TEMPLATES_DIR, or the given candidate files (named KIND.LANG.docx)."""
    from service.templating.doctor import run_check

    code, report = run_check(list(files) or None)
    click.echo(report)
    raise SystemExit(code)


@templates_group.command("install")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def templates_install(file: Path) -> None:
    """Replace a shipped template by FILE (named KIND.LANG.docx) if the doctor accepts it; keeps the old one."""
    from service.templating.admin import TemplateRefused, replace_template
    from service.templating.doctor import kind_of

    kind, language = kind_of(file)
    try:
        installed = replace_template(kind, language, file.read_bytes(), now=services().clock.now())
    except TemplateRefused as error:
        click.echo("\n".join(str(p) for p in error.problems), err=True)
        raise SystemExit(1) from None
    except DomainError as error:
        raise click.ClickException(error.message) from None
    click.echo(f"Installed {installed['file']} (sha256 {installed['sha256'][:16]}…); "
               f"{installed['previous_versions']} previous version(s) kept.")


@click.command("package")
@click.argument("grcm_id", type=int)
@click.option("--lang", "languages", type=click.Choice(LANGUAGES), multiple=True,
              help="Language(s) to issue in (repeat the option); default: Spanish and English.")
@click.option("--party", type=click.Choice(["st_crm", "st_rrocm", "ppt"]), default="st_crm", show_default=True)
@with_appcontext
def package_command(grcm_id: int, languages: tuple[str, ...], party: str) -> None:
    """The GRCM package: every document of the GRCM meeting, issued, sealed and delivered, with a progress bar."""
    from service.conversion.local import LocalConverterPool
    from service.documents.package import issue_package, package_jobs, pool_workers, wiring_of
    from service.grcm.models import GrcmMeeting

    wired = services()
    grcm = db.session.get(GrcmMeeting, grcm_id)
    if grcm is None:
        raise click.ClickException(f"No GRCM meeting {grcm_id}.")
    chosen = list(languages or LANGUAGES)
    converter = wired.converter
    started_here = converter is None
    if started_here:  # LibreOffice starts only if a document changed: an unchanged package answers at once
        from service.conversion.on_demand import StartedOnFirstUse
        from service.installation_cli import locate_for_command

        workdir, uno = Path(current_app.config["DATA_DIR"]) / "converters-cli", locate_for_command(current_app)
        converter = StartedOnFirstUse(lambda: LocalConverterPool(size=2, workdir=workdir, uno_python=str(uno)),
                                      size=2)
    wiring = wiring_of(current_app._get_current_object(), wired, converter=converter,
                       portal_url=current_app.config["PUBLIC_URL"].rstrip("/") + "/portal")
    total = len(package_jobs(grcm, chosen)) + len(chosen)
    try:
        with click.progressbar(length=total, label=f"GRCM package {grcm_id}", file=sys.stderr) as bar:
            package = issue_package(grcm_id, chosen, actor=Principal(party=party), now=wired.clock.now(),
                                    wiring=wiring, workers=pool_workers(converter),
                                    progress=lambda _label: bar.update(1))
    except DomainError as error:
        raise click.ClickException(error.message) from None
    finally:
        if started_here:
            converter.stop()
    for doc in package.documents:
        click.echo(f"{doc.id}\t{doc.reference}\t{doc.kind}\t{doc.language}\t{'reused' if doc.reused else 'issued'}")
    for gap in package.missing:
        click.echo(f"missing\t{gap.kind} {gap.subject_id}\t{gap.language}\t{gap.reason}", err=True)
