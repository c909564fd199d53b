import {
  type Decision,
  type DecisionLink,
  type MapAnalysis,
  type MapSnapshot,
  sortDecisions,
} from '@baton/model';
import { type FormEvent, useState } from 'react';
import type { Author, DiscussActions } from './discuss-actions';

interface DecisionListProps {
  snapshot: MapSnapshot;
  analysis: MapAnalysis;
  canWrite: boolean;
  author: Author;
  actions: DiscussActions;
}

function linkValue(link: DecisionLink | null): string {
  return link ? `${link.kind}:${link.id}` : '';
}

function parseLink(value: string): DecisionLink | null {
  const at = value.indexOf(':');
  if (at < 0) return null;
  const kind = value.slice(0, at);
  const id = value.slice(at + 1);
  return kind === 'touchpoint' || kind === 'finding' ? { kind, id } : null;
}

function LinkSelect({
  value,
  onChange,
  snapshot,
  analysis,
  disabled,
}: {
  value: DecisionLink | null;
  onChange: (link: DecisionLink | null) => void;
  snapshot: MapSnapshot;
  analysis: MapAnalysis;
  disabled: boolean;
}) {
  return (
    <select
      className="input"
      value={linkValue(value)}
      disabled={disabled}
      onChange={(e) => onChange(parseLink(e.target.value))}
      aria-label="Linked to"
      data-testid="decision-link"
    >
      <option value="">Not linked</option>
      <optgroup label="Touchpoints">
        {snapshot.touchpoints.map((tp) => (
          <option key={tp.id} value={`touchpoint:${tp.id}`}>
            {tp.title}
          </option>
        ))}
      </optgroup>
      <optgroup label="Findings">
        {analysis.findings
          .filter((finding) => finding.severity !== 'ok')
          .map((finding) => (
            <option key={finding.id} value={`finding:${finding.id}`}>
              {finding.message}
            </option>
          ))}
      </optgroup>
    </select>
  );
}

function DecisionRow({ item, ...props }: { item: Decision } & Omit<DecisionListProps, 'author'>) {
  const { canWrite, actions } = props;
  const [text, setText] = useState(item.text);
  const [owner, setOwner] = useState(item.owner);
  return (
    <li className={`decision${item.done ? ' done' : ''}`} data-testid="decision" data-kind={item.kind}>
      <div className="decision-head">
        <select
          className="input tiny"
          value={item.kind}
          disabled={!canWrite}
          onChange={(e) => actions.updateDecision(item.id, { kind: e.target.value as Decision['kind'] })}
          aria-label="Kind"
        >
          <option value="action">Action</option>
          <option value="decision">Decision</option>
        </select>
        <label className="checkbox-line">
          <input
            type="checkbox"
            checked={item.done}
            disabled={!canWrite}
            onChange={(e) => actions.updateDecision(item.id, { done: e.target.checked })}
          />
          Done
        </label>
        {canWrite && (
          <button
            type="button"
            className="icon-button"
            onClick={() => actions.deleteDecision(item.id)}
            aria-label="Delete"
          >
            ×
          </button>
        )}
      </div>
      <input
        className="input"
        value={text}
        disabled={!canWrite}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => text.trim() && text !== item.text && actions.updateDecision(item.id, { text })}
        aria-label="Text"
        data-testid="decision-text"
      />
      <div className="decision-fields">
        <input
          className="input"
          value={owner}
          disabled={!canWrite}
          placeholder="Owner"
          onChange={(e) => setOwner(e.target.value)}
          onBlur={() => owner !== item.owner && actions.updateDecision(item.id, { owner })}
          aria-label="Owner"
          data-testid="decision-owner"
        />
        <input
          className="input"
          type="date"
          value={item.due ?? ''}
          disabled={!canWrite}
          onChange={(e) => actions.updateDecision(item.id, { due: e.target.value || null })}
          aria-label="Due date"
          data-testid="decision-due"
        />
      </div>
      <LinkSelect
        value={item.link}
        onChange={(link) => actions.updateDecision(item.id, { link })}
        snapshot={props.snapshot}
        analysis={props.analysis}
        disabled={!canWrite}
      />
    </li>
  );
}

/** Decisions and action items: text, owner, due date, linked touchpoint or finding; anyone edits. */
export function DecisionList(props: DecisionListProps) {
  const { snapshot, analysis, canWrite, author, actions } = props;
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [kind, setKind] = useState<Decision['kind']>('action');
  const [link, setLink] = useState<DecisionLink | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    if (
      actions.addDecision({
        kind,
        text: text.trim(),
        owner: owner.trim(),
        due: due || null,
        link,
        author: author.name,
      })
    ) {
      setText('');
      setOwner('');
      setDue('');
      setLink(null);
    }
  };
  const items = sortDecisions(snapshot.workshop?.decisions ?? []);
  return (
    <div className="decision-list" data-testid="decision-list">
      {canWrite && (
        <form className="decision-form" onSubmit={submit} data-testid="decision-form">
          <div className="decision-head">
            <select
              className="input tiny"
              value={kind}
              onChange={(e) => setKind(e.target.value as Decision['kind'])}
              aria-label="Kind"
              data-testid="new-decision-kind"
            >
              <option value="action">Action</option>
              <option value="decision">Decision</option>
            </select>
          </div>
          <input
            className="input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="What was decided, or what needs doing"
            aria-label="New item"
            maxLength={2000}
            data-testid="new-decision-text"
          />
          <div className="decision-fields">
            <input
              className="input"
              value={owner}
              onChange={(e) => setOwner(e.target.value)}
              placeholder="Owner"
              aria-label="New item owner"
              data-testid="new-decision-owner"
            />
            <input
              className="input"
              type="date"
              value={due}
              onChange={(e) => setDue(e.target.value)}
              aria-label="New item due date"
              data-testid="new-decision-due"
            />
          </div>
          <LinkSelect
            value={link}
            onChange={setLink}
            snapshot={snapshot}
            analysis={analysis}
            disabled={false}
          />
          <button
            type="submit"
            className="button small primary"
            disabled={!text.trim()}
            data-testid="add-decision"
          >
            Add
          </button>
        </form>
      )}
      <ul>
        {items.map((item) => (
          <DecisionRow
            key={item.id}
            item={item}
            snapshot={snapshot}
            analysis={analysis}
            canWrite={canWrite}
            actions={actions}
          />
        ))}
      </ul>
      {items.length === 0 && <p className="muted">No decisions or action items yet.</p>}
    </div>
  );
}
