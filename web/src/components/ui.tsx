// Small building blocks shared by the pages.
import { type ReactNode, useState } from 'react';
import type { TournamentStatus } from '@codearena/protocol';
import { Link } from '../router.tsx';

export function Card({
  title,
  actions,
  children,
  className,
  id,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  id?: string;
}) {
  return (
    <section className={`card ${className ?? ''}`} id={id}>
      {(title || actions) && (
        <header className="card-head">
          {title && <h2>{title}</h2>}
          {actions && <div className="card-actions">{actions}</div>}
        </header>
      )}
      {children}
    </section>
  );
}

/** A tournament's status, or a view's own states: 'interrupted' is calm and still (its process is
 *  gone; nothing happens until someone resumes it), so it never pulses; 'queued' is a campaign's
 *  tournament that has not begun. */
export type Status = TournamentStatus | 'waiting' | 'live' | 'pending' | 'queued';

export function StatusBadge({ status, label }: { status: Status; label?: string }) {
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      {(status === 'running' || status === 'live') && <span className="pulse" aria-hidden />}
      {label ?? status}
    </span>
  );
}

export function ProgressBar({ value, label }: { value: number; label?: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div
      className="progress"
      role="progressbar"
      aria-valuenow={pct}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-label={label ?? 'progress'}
    >
      <div className="progress-fill" style={{ width: `${pct}%` }} />
    </div>
  );
}

export function PlayerChip({
  name,
  color,
  sub,
  winner,
}: {
  name: string;
  color: string;
  sub?: string | null;
  winner?: boolean;
}) {
  return (
    <span className={`chip${winner ? ' chip-winner' : ''}`} title={sub ? `${name} · ${sub}` : name}>
      <span className="dot" style={{ background: color }} />
      <span className="chip-name">{name}</span>
      {sub && <span className="chip-sub">{sub}</span>}
    </span>
  );
}

export function Breadcrumbs({ items }: { items: { label: string; to?: string }[] }) {
  return (
    <nav className="crumbs" aria-label="breadcrumb">
      {items.map((it, i) => (
        <span key={i}>
          {i > 0 && <span className="crumb-sep">/</span>}
          {it.to ? <Link to={it.to}>{it.label}</Link> : <span className="crumb-here">{it.label}</span>}
        </span>
      ))}
    </nav>
  );
}

export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (p: number) => void }) {
  if (pages <= 1) return null;
  return (
    <div className="pager">
      <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => onPage(page - 1)}>
        ← Prev
      </button>
      <span className="muted">
        page {page + 1} of {pages}
      </span>
      <button type="button" className="btn btn-small" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        Next →
      </button>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/** A command to paste in a terminal: selected whole on one click, with a copy button. */
export function CopyText({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    // The clipboard API exists only in secure contexts (localhost counts); elsewhere the text
    // stays selectable by hand.
    navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <span className="copy-text">
      <code aria-label={label} data-copy>
        {text}
      </code>
      <button type="button" className="btn btn-small" onClick={copy}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </span>
  );
}

export function ErrorNote({ children }: { children: ReactNode }) {
  return (
    <div className="error-note" role="alert">
      {children}
    </div>
  );
}

export function Segmented<T extends string>({
  value,
  options,
  onChange,
  label,
}: {
  value: T;
  options: { value: T; label: string }[];
  onChange: (v: T) => void;
  label: string;
}) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          className={o.value === value ? 'on' : ''}
          aria-pressed={o.value === value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
