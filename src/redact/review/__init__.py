"""Review stage: the store of suggestions, reviewers' decisions and the append-only audit trail."""

from redact.review.store import DocumentRow, PublicationPlan, ReviewDetail, Store

__all__ = ["DocumentRow", "PublicationPlan", "ReviewDetail", "Store"]
