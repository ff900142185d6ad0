"""Local accounts: Argon2 password hashes and what each role may do."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from redact.errors import PermissionDenied

_HASHER = PasswordHasher()

#: role → actions it may perform (clerks only read the queue).
PERMISSIONS: dict[str, frozenset[str]] = {
    "clerk": frozenset({"read"}),
    "reviewer": frozenset({"read", "decide"}),
    "admin": frozenset({"read", "decide", "manage_users"}),
}

ROLE_ZH = {"clerk": "办事员", "reviewer": "审核员", "admin": "管理员"}


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def may(role: str, action: str) -> bool:
    return action in PERMISSIONS.get(role, frozenset())


def check(role: str, action: str) -> None:
    """Raise ``PermissionDenied`` unless ``role`` may perform ``action``."""
    if not may(role, action):
        raise PermissionDenied(f"role {role!r} may not {action.replace('_', ' ')}")
