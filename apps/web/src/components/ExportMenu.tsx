import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { fetchExport, saveFile, TransferError } from '../export/export-api';
import { EXPORT_CHOICES, EXPORT_GROUPS, type ExportChoice } from '../export/export-choices';
import { renderViewPng, viewImageName } from '../export/view-image';
import '../styles/export.css';

interface ExportMenuProps {
  mapId: string;
  /** The page's token: a view token is enough to export. */
  token: string;
  title: string;
}

function reason(error: unknown): string {
  if (error instanceof TransferError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'The export could not be made.';
}

function DownloadIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d="M8 2v8M4.5 6.5 8 10l3.5-3.5M2.5 11.5v2h11v-2"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

const TRIGGER_KEYS = new Set(['Enter', ' ', 'Escape', 'ArrowDown']);

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
}

/** "Export ▾": every format the server renders, plus a PNG of the canvas as it is on screen. */
export function ExportMenu({ mapId, token, title }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<ExportChoice['id'] | null>(null);
  const [error, setError] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    setError('');
    if (refocus) trigger.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    // Keyboard users land on the first format; a click elsewhere or Escape dismisses.
    menuItems(menu.current)[0]?.focus();
    const dismiss = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) close(false);
    };
    const onEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      close(true);
    };
    document.addEventListener('pointerdown', dismiss);
    document.addEventListener('keydown', onEscape);
    return () => {
      document.removeEventListener('pointerdown', dismiss);
      document.removeEventListener('keydown', onEscape);
    };
  }, [open, close]);

  const download = async (choice: ExportChoice) => {
    if (busy) return;
    setBusy(choice.id);
    setError('');
    try {
      if (choice.id === 'view-png') saveFile(await renderViewPng(), await viewImageName(title));
      else {
        const exported = await fetchExport(mapId, token, choice.id, title);
        saveFile(exported.file, exported.fileName);
      }
      close(true);
    } catch (caught) {
      setError(`${choice.label} (${choice.tag}): ${reason(caught)}`);
    } finally {
      setBusy(null);
    }
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys in the menu are the menu's: Enter must not also open a selected card's editor.
    event.stopPropagation();
    const list = menuItems(menu.current);
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      list[(index + list.length) % list.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') close(false);
  };

  return (
    <div className="export-menu" ref={root}>
      <button
        ref={trigger}
        type="button"
        className={`button small export-trigger${open ? ' open' : ''}`}
        aria-label="Export this map"
        title="Export: JSON, CSV, Markdown, SVG, PNG or PDF"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-testid="export-menu"
        onClick={() => (open ? close(false) : setOpen(true))}
        onKeyDown={(event) => {
          // These keys work the menu, not the canvas shortcuts (Enter would open a selected card).
          if (TRIGGER_KEYS.has(event.key)) event.stopPropagation();
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          } else if (event.key === 'Escape' && open) {
            event.preventDefault();
            close(true);
          }
        }}
      >
        <DownloadIcon />
        <span className="export-trigger-label">Export</span>
        <svg className="export-chevron" width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
          <path d="M2 3.5 5 6.5l3-3" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          className="export-popover"
          role="menu"
          aria-label="Export formats"
          aria-busy={busy !== null}
          tabIndex={-1}
          onKeyDown={onMenuKey}
          data-testid="export-options"
        >
          {EXPORT_GROUPS.map((group) => (
            <fieldset key={group.heading} className="export-group">
              <legend className="export-group-heading">{group.heading}</legend>
              {group.choices.map((choice) => (
                <button
                  key={choice.id}
                  type="button"
                  role="menuitem"
                  className="export-item"
                  aria-disabled={busy !== null}
                  aria-label={`${choice.label} (${choice.tag}): ${choice.hint}`}
                  data-testid={`export-${choice.id}`}
                  data-busy={busy === choice.id || undefined}
                  onClick={() => void download(choice)}
                >
                  <span className={`export-tag tag-${choice.id}`}>{choice.tag}</span>
                  <span className="export-text">
                    <span className="export-label">{choice.label}</span>
                    <span className="export-hint">{choice.hint}</span>
                  </span>
                  {busy === choice.id && <span className="spinner export-spinner" aria-hidden="true" />}
                </button>
              ))}
            </fieldset>
          ))}
          <div className="export-status" role="status">
            {busy && `Preparing the ${EXPORT_CHOICES.find((choice) => choice.id === busy)?.label ?? 'file'}…`}
          </div>
          {error && (
            <p className="export-error" role="alert" data-testid="export-error">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
