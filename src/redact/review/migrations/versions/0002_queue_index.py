"""Queue order index: (status, received_at, sha256) so the oldest-first page needs no sort.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_documents_status_received", table_name="documents")
    op.create_index("ix_documents_queue", "documents", ["status", "received_at", "sha256"])
    op.create_index("ix_documents_received", "documents", ["received_at", "sha256"])


def downgrade() -> None:
    op.drop_index("ix_documents_received", table_name="documents")
    op.drop_index("ix_documents_queue", table_name="documents")
    op.create_index("ix_documents_status_received", "documents", ["status", "received_at"])
