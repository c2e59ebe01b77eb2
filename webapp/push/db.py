"""The reminders database: SQLAlchemy 2 models, the engine and Alembic migrations."""

from __future__ import annotations

import fcntl
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from flask import Flask, current_app
from sqlalchemy import (
    Boolean,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    SmallInteger,
    String,
    UniqueConstraint,
    create_engine,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent.parent.parent / "migrations"


class Base(DeclarativeBase):
    pass


class Subscription(Base):
    """One browser's push subscription: where to push, in which language and time zone."""

    __tablename__ = "subscriptions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    endpoint: Mapped[str] = mapped_column(String(1024), unique=True)
    p256dh: Mapped[str] = mapped_column(String(128))
    auth: Mapped[str] = mapped_column(String(64))
    token_hash: Mapped[str] = mapped_column(String(64))  # sha256 of the bearer token, hex
    lang: Mapped[str] = mapped_column(String(8))
    timezone: Mapped[str] = mapped_column(String(64))
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)  # all times are naive UTC
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    reminders: Mapped[list[Reminder]] = relationship(
        back_populates="subscription", cascade="all, delete-orphan", passive_deletes=True
    )


class Reminder(Base):
    """One weekly reminder under an opaque id the device chose; the server never knows its routine.

    next_due is the single indexed column dispatchers look at: the next occurrence while idle,
    the lease's end while a dispatcher holds it (due_at then keeps the occurrence being sent),
    and NULL while paused.
    """

    __tablename__ = "reminders"
    __table_args__ = (UniqueConstraint("subscription_id", "rid", name="uq_reminders_rid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subscription_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("subscriptions.id", ondelete="CASCADE"), index=True
    )
    rid: Mapped[str] = mapped_column(String(64))
    days: Mapped[int] = mapped_column(SmallInteger)  # bit 0 = Monday … bit 6 = Sunday
    minute: Mapped[int] = mapped_column(SmallInteger)  # minutes after local midnight
    skip_through: Mapped[datetime | None] = mapped_column(DateTime)  # "snooze the next one"
    next_due: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    due_at: Mapped[datetime | None] = mapped_column(DateTime)
    claim: Mapped[str | None] = mapped_column(String(32))
    attempts: Mapped[int] = mapped_column(SmallInteger, default=0)

    subscription: Mapped[Subscription] = relationship(back_populates="reminders")


def database_url(app: Flask) -> str:
    """Return the configured database URL, defaulting to SQLite in the instance folder."""
    url = app.config.get("DATABASE_URL") or f"sqlite:///{Path(app.instance_path) / 'knotwise.db'}"
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and write-locking transactions."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)
    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # The driver's own transaction handling is turned off so BEGIN IMMEDIATE below takes
        # the write lock at the start: two dispatchers then queue instead of failing mid-claim.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def alembic_config(url: str) -> Config:
    """Return an Alembic configuration for the migrations folder and a database URL."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, lock_dir: Path | None = None) -> None:
    """Bring the database schema up to date (serialised by a file lock when given a folder)."""
    if lock_dir is None:
        command.upgrade(alembic_config(url), "head")
        return
    with open(lock_dir / "migrate.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the web app and a dispatcher may start together
        command.upgrade(alembic_config(url), "head")


def engine() -> Engine:
    """Return the current app's engine."""
    return current_app.extensions["push_db"]["engine"]


def session_factory() -> sessionmaker:
    """Return the current app's session factory."""
    return current_app.extensions["push_db"]["sessions"]


def init_app(app: Flask) -> None:
    """Create the engine, migrating the embedded SQLite database at start-up."""
    url = database_url(app)
    if url.startswith("sqlite") and app.config.get("DATABASE_AUTO_MIGRATE", True):
        upgrade(url, Path(app.instance_path))
    eng = make_engine(url)
    app.extensions["push_db"] = {
        "engine": eng,
        "sessions": sessionmaker(eng, expire_on_commit=False),
    }
