import { useEffect, useRef, useState } from 'react';
import type { Versions } from './useVersions';
import type { MapVersion } from './versions-api';

const KIND_WORDS: Record<MapVersion['kind'], string> = {
  named: 'Named',
  workshop: 'Workshop',
  automatic: 'Automatic',
};

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The top bar's version picker: name a version (edit link), open, compare or restore any. */
export function VersionMenu({ versions, editable }: { versions: Versions; editable: boolean }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const menu = useRef<HTMLDivElement>(null);
  const { refresh } = versions;

  useEffect(() => {
    if (!open) return;
    void refresh();
    const close = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open, refresh]);

  const act = (action: () => unknown) => () => {
    setOpen(false);
    action();
  };

  return (
    <div className="version-menu" ref={menu}>
      <button
        type="button"
        className="button small version-menu-button"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        data-testid="versions-button"
      >
        {versions.viewing ? `Version: ${versions.viewing.name}` : 'Versions'}
      </button>
      {open && (
        <div className="version-popover" role="dialog" aria-label="Versions" data-testid="versions-popover">
          {editable && (
            <form
              className="version-save"
              onSubmit={(event) => {
                event.preventDefault();
                void versions.save(name).then((saved) => saved && setName(''));
              }}
            >
              <input
                aria-label="Version name"
                placeholder="Name this version, e.g. Before the Q3 workshop"
                value={name}
                maxLength={120}
                onChange={(event) => setName(event.target.value)}
                data-testid="version-name"
              />
              <button type="submit" disabled={name.trim() === ''} data-testid="version-save">
                Save version
              </button>
            </form>
          )}
          {versions.versions.length === 0 ? (
            <p className="version-empty">No versions yet.</p>
          ) : (
            <ul className="version-list">
              {versions.versions.map((version) => (
                <li key={version.id} data-testid="version-row" data-version-id={version.id}>
                  <div className="version-label">
                    <strong>{version.name}</strong>
                    <span>
                      {KIND_WORDS[version.kind]} · {when(version.createdAt)}
                    </span>
                  </div>
                  <div className="version-actions">
                    <button
                      type="button"
                      onClick={act(() => versions.open(version))}
                      data-testid="version-open"
                    >
                      Open
                    </button>
                    <button
                      type="button"
                      onClick={act(() => versions.compare(version))}
                      data-testid="version-compare"
                    >
                      Changes since
                    </button>
                    <button
                      type="button"
                      onClick={act(() => versions.restore(version))}
                      data-testid="version-restore"
                    >
                      Restore as new map
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
