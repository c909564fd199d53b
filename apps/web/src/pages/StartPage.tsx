import { type FormEvent, useState } from 'react';
import { ApiError, createMap, type TemplateSummary } from '../api/client';
import { ImportMap } from '../components/ImportMap';
import { RecentMapList } from '../components/RecentMapList';
import { TemplatePicker } from '../components/TemplatePicker';
import { navigate } from '../router';
import { rememberMap } from '../storage/recent-maps';

/** `/`: name a new journey map, or reopen one this browser has seen. */
export function StartPage() {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const create = async (template?: TemplateSummary) => {
    setBusy(true);
    setError('');
    try {
      const created = await createMap(title.trim() || template?.title || 'Untitled journey', template?.id);
      const editPath = new URL(created.editUrl, window.location.origin);
      const viewPath = new URL(created.viewUrl, window.location.origin);
      const origin = window.location.origin;
      rememberMap({
        id: created.id,
        title: created.title,
        role: 'edit',
        editUrl: `${origin}${editPath.pathname}${editPath.search}`,
        viewUrl: `${origin}${viewPath.pathname}${viewPath.search}`,
      });
      navigate(`${editPath.pathname}${editPath.search}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The map could not be created.');
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create();
  };

  return (
    <main className="start-page">
      <header className="start-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Baton</span>
        </div>
      </header>
      <section className="start-hero">
        <h1>Map the relay from cold lead to customer.</h1>
        <p className="lede">
          Marketing and sales on one live canvas: every touchpoint placed by the team that owns it and the
          lead stage it targets, so you can see where the baton is handed over — and where it is dropped.
        </p>
        <form className="create-form" onSubmit={submit} aria-label="Create a journey map">
          <input
            className="input large"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            placeholder="Name your journey map, e.g. Q3 B2B pipeline"
            aria-label="Map title"
            data-testid="new-map-title"
            maxLength={120}
          />
          <button
            type="submit"
            className="button primary large"
            disabled={busy}
            data-testid="create-map"
            aria-label="Create map"
          >
            {busy ? 'Creating…' : 'Create map'}
          </button>
        </form>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </section>
      <TemplatePicker busy={busy} onPick={(template) => void create(template)} />
      <ImportMap />
      <RecentMapList />
    </main>
  );
}
