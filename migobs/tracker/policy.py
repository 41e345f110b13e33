"""Who may do what: every role rule of the tracker, in one place.

| caller | read | create / edit / submit | publish / send back | users, roles | audit |
|---|---|---|---|---|---|
| public (anonymous) | published records | no (401) | no (401) | no (401) | no (401) |
| focal point of State S | published + all of S | S's drafts only | no (403) | no (403) | no (403) |
| reviewer | everything | no (403) | any State | no (403) | yes |
| admin | everything | no (403) | no (403) | yes | yes |

Checks run in the order 401 (not signed in), 404 (may not see it), 403 (may see, may not act).
The workflow (``draft`` → ``submitted`` → ``published``, or back to ``draft``) is checked here too:
a focal point submits a draft; a reviewer publishes what is not published yet and sends back
what is not a draft (a step that would change nothing is refused as invalid input, 422).
An action is seen only by those who may see its commitment: an action published while its
commitment is a draft (or sent back) stays hidden from the public and other States.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, or_, true

from migobs.errors import InvalidInput, NotAuthenticated, PermissionDenied, RecordNotFound
from migobs.i18n.messages import N_, Said
from migobs.tracker.models import Action, Commitment, RecordMixin


@dataclass(frozen=True)
class Caller:
    """Who is asking: a signed-in user, or the public (``user_id`` None)."""

    user_id: int | None = None
    email: str = "public"
    role: str = "public"
    state: str | None = None

    @property
    def signed_in(self) -> bool:
        """True for an account, False for the public."""
        return self.user_id is not None


PUBLIC = Caller()
SYSTEM = Caller(user_id=0, email="system (command line)", role="admin")
"""The command line acting as an administrator (creating accounts, importing)."""


def reads_everything(caller: Caller) -> bool:
    """Reviewers and administrators see drafts and submissions of every State."""
    return caller.signed_in and caller.role in ("reviewer", "admin")


def can_see(caller: Caller, record: RecordMixin) -> bool:
    """Published records are public; the rest only to their State's focal points and reviewers.

    An action also needs its commitment to be visible to ``caller``.
    """
    if isinstance(record, Action) and not can_see(caller, record.commitment):
        return False
    if record.workflow == "published" or reads_everything(caller):
        return True
    return caller.role == "focal-point" and caller.state == record.state


def visible(caller: Caller, model: type[RecordMixin]) -> ColumnElement[bool]:
    """The SQL condition selecting the records of ``model`` that ``caller`` may see."""
    if reads_everything(caller):
        return true()
    condition = model.workflow == "published"
    if caller.role == "focal-point" and caller.state:
        condition = or_(condition, model.state == caller.state)
    if model is Action:
        condition = and_(condition, Action.commitment.has(visible(caller, Commitment)))
    return condition


def require_signed_in(caller: Caller) -> None:
    """Refuse the public (401)."""
    if not caller.signed_in:
        raise NotAuthenticated(
            Said(N_("Sign in, or send `Authorization: Bearer TOKEN` (POST /api/tracker/tokens)."))
        )


def require_visible(caller: Caller, record: RecordMixin | None, name: str) -> RecordMixin:
    """The record, or 404 when it does not exist or the caller may not see it."""
    if record is None or not can_see(caller, record):
        raise RecordNotFound(Said(N_("No record %(name)s that you may see."), name=name))
    return record


def check_focal_point(caller: Caller) -> None:
    """Only focal points write records."""
    require_signed_in(caller)
    if caller.role != "focal-point":
        raise PermissionDenied(
            Said(
                N_("Only focal points record commitments, actions and reviews; you are %(role)s."),
                role=Said(caller.role),
            )
        )


def check_author(caller: Caller, state: str) -> None:
    """Only a focal point of ``state`` writes ``state``'s records."""
    check_focal_point(caller)
    if caller.state != state:
        raise PermissionDenied(
            Said(
                N_(
                    "You are a focal point of State %(yours)s; you may not write records of "
                    "State %(theirs)s."
                ),
                yours=caller.state,
                theirs=state,
            )
        )


def check_editable(caller: Caller, record: RecordMixin, name: str) -> None:
    """Focal points edit and submit their own State's drafts; submitted/published ones are locked."""
    check_author(caller, record.state)
    if record.workflow != "draft":
        raise PermissionDenied(
            Said(
                N_(
                    "%(name)s is %(workflow)s: ask a reviewer to send it back to draft before "
                    "changing it."
                ),
                name=name,
                workflow=Said(record.workflow),
            )
        )


def check_reviewer(caller: Caller) -> None:
    """Only reviewers publish or send back."""
    require_signed_in(caller)
    if caller.role != "reviewer":
        raise PermissionDenied(
            Said(
                N_("Only reviewers publish or send back records; you are %(role)s."),
                role=Said(caller.role),
            )
        )


def check_publishable(caller: Caller, record: RecordMixin, name: str) -> None:
    """A reviewer publishes a draft or a submitted record, not a published one."""
    check_reviewer(caller)
    if record.workflow == "published":
        raise InvalidInput(Said(N_("%(name)s is published already."), name=name))


def check_sendable_back(caller: Caller, record: RecordMixin, name: str) -> None:
    """A reviewer sends a submitted or published record back to draft, not a draft."""
    check_reviewer(caller)
    if record.workflow == "draft":
        raise InvalidInput(Said(N_("%(name)s is a draft already."), name=name))


def check_admin(caller: Caller) -> None:
    """Only administrators manage users and roles."""
    require_signed_in(caller)
    if caller.role != "admin":
        raise PermissionDenied(
            Said(
                N_("Only administrators manage users and roles; you are %(role)s."),
                role=Said(caller.role),
            )
        )


def check_auditor(caller: Caller) -> None:
    """Reviewers and administrators read the audit log."""
    require_signed_in(caller)
    if not reads_everything(caller):
        raise PermissionDenied(Said(N_("Only reviewers and administrators read the audit log.")))
