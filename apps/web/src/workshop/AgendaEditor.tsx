import type { AgendaItem } from '@baton/model';
import { type FormEvent, useState } from 'react';

interface AgendaEditorProps {
  agenda: AgendaItem[];
  onSave: (agenda: AgendaItem[]) => Promise<boolean>;
  onClose: () => void;
}

function slug(title: string, taken: Set<string>): string {
  const base =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 30) || 'phase';
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

/** The facilitator edits the agenda: each phase's title, goal line and suggested minutes. */
export function AgendaEditor({ agenda, onSave, onClose }: AgendaEditorProps) {
  const [items, setItems] = useState(agenda.map((item) => ({ ...item })));
  const change = (index: number, patch: Partial<AgendaItem>) =>
    setItems((current) => current.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onSave(items)) onClose();
  };
  return (
    <div className="modal-backdrop">
      <form
        className="modal wide"
        role="dialog"
        aria-modal="true"
        aria-label="Edit the agenda"
        onSubmit={submit}
        data-testid="agenda-editor"
      >
        <h2>Agenda</h2>
        <ol className="agenda-list">
          {items.map((item, index) => (
            <li key={item.id} className="agenda-item">
              <input
                className="input"
                value={item.title}
                onChange={(event) => change(index, { title: event.target.value })}
                aria-label={`Phase ${index + 1} title`}
                maxLength={80}
                required
              />
              <input
                className="input"
                value={item.goal}
                onChange={(event) => change(index, { goal: event.target.value })}
                aria-label={`Phase ${index + 1} goal`}
                maxLength={300}
              />
              <input
                className="input tiny"
                type="number"
                min={1}
                max={480}
                value={item.minutes}
                onChange={(event) => change(index, { minutes: Number(event.target.value) || 1 })}
                aria-label={`Phase ${index + 1} minutes`}
              />
              <button
                type="button"
                className="icon-button"
                disabled={items.length <= 1}
                onClick={() => setItems((current) => current.filter((_, i) => i !== index))}
                aria-label={`Remove phase ${index + 1}`}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
        <div className="panel-actions">
          <button
            type="button"
            className="button"
            disabled={items.length >= 20}
            onClick={() =>
              setItems((current) => [
                ...current,
                {
                  id: slug('New phase', new Set(current.map((i) => i.id))),
                  title: 'New phase',
                  goal: '',
                  minutes: 10,
                },
              ])
            }
          >
            Add a phase
          </button>
          <span className="top-bar-spacer" />
          <button type="button" className="button ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" data-testid="save-agenda">
            Save agenda
          </button>
        </div>
      </form>
    </div>
  );
}
